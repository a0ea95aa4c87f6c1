"""Opening an account does not prove the e-mail address is yours: what a customer
downloads or deletes themselves is what is linked to their account, never a guest's
orders or chats under the same address. And no order still to be sent loses its address."""

import json

import pytest
from django.urls import reverse
from oscar.test.factories import UserFactory

from shop.order import status
from shop.privacy import services
from tests import factories
from tests.privacy import helpers

pytestmark = pytest.mark.django_db

VICTIM = {**helpers.ADA, "email": "victim@example.com", "street": "9 Secret Lane"}


def test_privacy_export_by_an_account_never_reaches_a_guests_orders_under_its_email(client):
    guest_order = helpers.guest(VICTIM, number="300001")
    impostor = UserFactory(email="Victim@Example.com")  # registered, never proved the address
    factories.sign_in(client, impostor)

    response = client.post(reverse("privacy:export"))

    body = b"".join(response.streaming_content) if response.streaming else response.content
    data = json.loads(body)
    assert data["data"]["orders"] == []
    assert data["data"]["chats"] == []
    assert "9 Secret Lane" not in body.decode()
    assert guest_order.number not in body.decode()


def test_privacy_self_deletion_leaves_a_guests_orders_under_the_same_email_alone(client):
    guest_order = helpers.guest(VICTIM, number="300002")
    impostor = UserFactory(email="victim@example.com")
    impostor.set_password(helpers.PASSWORD)
    impostor.save()
    factories.sign_in(client, impostor)

    response = client.post(
        reverse("privacy:delete"), {"password": helpers.PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    guest_order.refresh_from_db()
    assert guest_order.guest_email == "victim@example.com"
    assert guest_order.shipping_address.line1 == "9 Secret Lane"


@pytest.mark.parametrize("open_status", [status.PENDING_PAYMENT, status.PAID, status.PACKED])
def test_privacy_erasure_waits_while_an_order_is_still_to_be_sent(open_status):
    order = helpers.guest(VICTIM, number="300003")
    helpers.Order.objects.filter(pk=order.pk).update(status=open_status)

    with pytest.raises(services.ErasureRefused, match="has not been sent yet"):
        services.erase_person(email="victim@example.com")

    order.refresh_from_db()
    assert order.shipping_address.line1 == "9 Secret Lane"
    assert order.guest_email == "victim@example.com"
