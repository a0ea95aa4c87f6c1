"""A guest buys in Chromium with the test cards."""

import pytest
from django.core import mail
from oscar.core.loading import get_model
from playwright.sync_api import expect

from shop.order import status
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.e2e.helpers import assert_accessible, give_address

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

Order = get_model("order", "Order")


@pytest.fixture
def products():
    factories.delivery_methods()
    capsules = factories.product("kēpos 30-day", "39.99")
    grains = factories.product(
        "Live Milk Kefir Grains",
        "14.99",
        klass=factories.product_class("Kefir culture", "0", "food"),
    )
    return capsules, grains


def add(page, live_server, product):
    page.goto(live_server.url + product.get_absolute_url())
    page.get_by_role("button", name="Add to basket", exact=True).click()
    expect(page.locator("#messages")).to_contain_text(product.title)


def checkout_as_guest(page, live_server):
    page.goto(live_server.url + "/basket/")
    page.get_by_role("link", name="Proceed to checkout").click()
    page.get_by_label("My email address is").fill("ada@example.com")
    page.get_by_label("I am a new customer and want to checkout as a guest").check()
    page.get_by_role("button", name="Continue").click()
    give_address(page)
    page.get_by_role("button", name="Choose Next Day").click()
    expect(page.get_by_role("heading", name="Review and pay")).to_be_visible()


def pay(page, number):
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Expiry date (MM/YY)").fill("12/34")
    page.get_by_label("Security code (CVC)").fill("123")
    page.get_by_role("button", name="Place order and pay").click()


def test_a_guest_buys_two_products_and_is_emailed_a_confirmation(page, live_server, products):
    for product in products:
        add(page, live_server, product)
    checkout_as_guest(page, live_server)
    expect(page.locator(".vat-by-rate")).to_contain_text("20%")
    assert_accessible(page)

    pay(page, "4242 4242 4242 4242")

    order = Order.objects.get()
    expect(page.locator(".order-number")).to_have_text(order.number)
    assert_accessible(page)
    assert OutboxEmail.objects.get().status == OutboxEmail.Status.SENT
    assert [m.to for m in mail.outbox] == [["ada@example.com"]]
    assert order.number in mail.outbox[0].subject


def test_the_decline_card_shows_the_reason_then_another_card_pays(page, live_server, products):
    add(page, live_server, products[0])
    checkout_as_guest(page, live_server)

    pay(page, "4000 0000 0000 0002")

    expect(page.locator(".alert-danger")).to_have_text(
        "Your card was declined. Please use another card."
    )
    expect(page.get_by_label("Card number")).to_have_value("")
    assert Order.objects.get().status == status.PENDING_PAYMENT

    pay(page, "4242 4242 4242 4242")

    expect(page.locator(".order-number")).to_have_text(Order.objects.get().number)
    assert Order.objects.get().status == status.PAID


def test_a_card_that_needs_the_bank_confirms_on_its_page(page, live_server, products):
    add(page, live_server, products[1])
    checkout_as_guest(page, live_server)

    pay(page, "4000 0027 6000 3184")
    expect(page.get_by_role("heading", name="Your bank asks you to confirm")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirm payment").click()

    order = Order.objects.get()
    expect(page.locator(".order-number")).to_have_text(order.number)
    assert order.status == status.PAID
    assert OutboxEmail.objects.count() == 1


def test_a_failed_bank_check_returns_to_the_review_with_the_basket(page, live_server, products):
    add(page, live_server, products[0])
    checkout_as_guest(page, live_server)

    pay(page, "4000 0027 6000 3184")
    page.get_by_role("button", name="Fail authentication").click()

    expect(page.locator(".alert-danger")).to_contain_text("couldn't authenticate your payment")
    expect(page.get_by_role("heading", name="Review and pay")).to_be_visible()
    expect(page.get_by_role("cell", name="kēpos 30-day")).to_be_visible()
    assert Order.objects.get().status == status.PENDING_PAYMENT
