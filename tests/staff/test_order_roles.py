"""Roles over orders, as the role table says: Customer service reads orders, Marketing
does not see them, and a delivery address is corrected only by staff who change orders,
before the parcel is packed, with the change noted."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop import roles
from shop.order import services
from tests import checkout_steps as steps
from tests import factories

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
NEW_ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "line1": "9 New Street",
    "line4": "Bath",
    "postcode": "BA1 1AA",
    "country": "GB",
}


@pytest.fixture
def order():
    factories.delivery_methods()
    shopper = Client()
    steps.place_order(
        shopper, token=steps.guest_checkout(shopper, [(factories.product("kēpos", "39.99"), 1)])
    )
    return Order.objects.get()


def staff_client(role: str) -> Client:
    client = Client()
    factories.sign_in(client, factories.staff_user(role))
    return client


def address_url(order) -> str:
    return reverse("dashboard:order-shipping-address", args=[order.number])


@pytest.mark.parametrize("method", ["get", "post"])
def test_customer_service_cannot_change_a_delivery_address(order, method):
    client = staff_client(roles.CUSTOMER_SERVICE)

    response = getattr(client, method)(address_url(order), NEW_ADDRESS)

    assert response.status_code == 403
    order.shipping_address.refresh_from_db()
    assert order.shipping_address.line1 == steps.ADDRESS["line1"]


def test_customer_service_sees_no_update_button_on_the_order(order):
    page = staff_client(roles.CUSTOMER_SERVICE).get(
        reverse("dashboard:order-detail", args=[order.number])
    )

    assert page.status_code == 200
    assert address_url(order) not in page.content.decode()


def test_order_staff_correct_an_address_before_packing_and_it_is_noted(order):
    client = staff_client(roles.ORDER_STAFF)

    response = client.post(address_url(order), NEW_ADDRESS)

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.shipping_address.line1 == "9 New Street"
    note = order.notes.get(message__startswith="Delivery address updated")
    assert note.user.email == "order@kepos.example"
    assert "9 New Street" in note.message and steps.ADDRESS["line1"] in note.message


def test_once_packed_the_address_is_no_longer_changed(order):
    services.mark_packed(order)
    notes = order.notes.count()
    client = staff_client(roles.ORDER_STAFF)

    response = client.post(address_url(order), NEW_ADDRESS, follow=True)

    order.shipping_address.refresh_from_db()
    assert order.shipping_address.line1 == steps.ADDRESS["line1"]
    assert "can no longer be changed" in response.content.decode()
    assert order.notes.count() == notes


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        (roles.MARKETING, False),
        (roles.CUSTOMER_SERVICE, True),
        (roles.ORDER_STAFF, True),
        (roles.MANAGERS, True),
    ],
)
def test_the_order_status_page_follows_the_role_table(order, role, visible):
    response = staff_client(role).get(reverse("order-status:detail", args=[order.number]))

    assert response.status_code == (200 if visible else 404)
