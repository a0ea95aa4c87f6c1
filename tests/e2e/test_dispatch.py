"""Order staff dispatch today's order in Chromium: find it, print its slip, dispatch it."""

from datetime import date

import pytest
from django.test import Client
from oscar.core.loading import get_model
from playwright.sync_api import expect

from shop import roles
from shop.order import status
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories
from tests.e2e.helpers import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")


@pytest.fixture
def todays_order():
    factories.delivery_methods()
    item = factories.product("kēpos 30-day", "39.99")
    shopper = Client()
    steps.place_order(
        shopper, token=steps.guest_checkout(shopper, [(item, 2)], email="ada@example.com")
    )
    Order.objects.update(dispatch_on=date.today())
    OutboxEmail.objects.all().delete()
    return Order.objects.get()


def test_order_staff_print_the_slip_and_dispatch_todays_order(page, live_server, todays_order):
    sign_in(
        page, live_server, factories.staff_user(roles.ORDER_STAFF, email="packer@kepos.example")
    )

    page.goto(live_server.url + "/dashboard/")
    page.get_by_role("link", name="Today's dispatch").first.click()
    row = page.locator(".dispatch-list tbody tr", has_text=todays_order.number)
    expect(row).to_contain_text("2 × kēpos 30-day")

    row.get_by_role("checkbox").check()
    page.get_by_role("button", name="Print packing slips").click()
    expect(page.get_by_role("heading", name=f"Order {todays_order.number}")).to_be_visible()
    expect(page.get_by_role("button", name="Print 1 packing slip")).to_be_visible()

    page.go_back()
    page.get_by_role("link", name=todays_order.number).click()
    page.get_by_label("Tracking number").fill("RM123456789GB")
    page.get_by_role("button", name="Mark dispatched and e-mail the customer").click()

    expect(page.locator("#messages")).to_contain_text("dispatched; the customer has been e-mailed")
    todays_order.refresh_from_db()
    assert todays_order.status == status.DISPATCHED
    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com"
    assert "RM123456789GB" in email.body_text
