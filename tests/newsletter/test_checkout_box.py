"""The newsletter box at checkout: unticked by default, double opt-in when ticked."""

import pytest
from django.urls import reverse

from shop.newsletter.models import ConsentRecord, Subscriber
from shop.newsletter.wording import CHECKOUT_SIGNUP
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests.legal.helpers import catalogue

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    return catalogue()


def test_newsletter_box_at_checkout_is_unticked_and_shows_the_recorded_wording(client, shop):
    steps.guest_checkout(client, [(shop["jar"], 1)])
    html = client.get(reverse("checkout:preview")).content.decode()
    box = html.split('id="newsletter_signup"', 1)[0].rsplit("<input", 1)[1]
    assert "checked" not in box
    assert CHECKOUT_SIGNUP in html


def test_newsletter_not_ticked_at_checkout_records_no_consent(client, shop):
    token = steps.guest_checkout(client, [(shop["jar"], 1)])
    assert steps.place_order(client, token=token).status_code == 302
    assert not Subscriber.objects.exists()


def test_newsletter_ticked_at_checkout_asks_to_confirm_with_the_wording_shown(client, shop):
    token = steps.guest_checkout(client, [(shop["jar"], 1)], email="ada@example.com")
    response = client.post(
        reverse("checkout:preview"),
        {"action": "place_order", "basket_token": token, "newsletter": "yes", **steps.GOOD_CARD},
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="ada@example.com")
    assert subscriber.status == "pending"  # double opt-in: not yet subscribed
    record = subscriber.consent_records.get()
    assert (record.action, record.source, record.wording) == (
        ConsentRecord.Action.REQUESTED,
        "checkout",
        CHECKOUT_SIGNUP,
    )
    links = OutboxEmail.objects.filter(to="ada@example.com", subject__icontains="newsletter")
    assert links.exists()


def test_newsletter_ticked_then_card_declined_and_retried_sends_one_link(client, shop):
    token = steps.guest_checkout(client, [(shop["jar"], 1)], email="ada@example.com")
    data = {"action": "place_order", "basket_token": token, "newsletter": "yes"}
    client.post(reverse("checkout:preview"), {**data, **steps.DECLINED_CARD})
    client.post(reverse("checkout:preview"), {**data, **steps.GOOD_CARD})
    links = OutboxEmail.objects.filter(to="ada@example.com", subject__icontains="newsletter")
    assert links.count() == 1
    assert Subscriber.objects.get(email="ada@example.com").status == "pending"
