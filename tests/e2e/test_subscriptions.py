"""Subscribe & save in Chromium: subscribe at checkout (creating the account there),
then skip a delivery and cancel from the account."""

import re

import pytest
from playwright.sync_api import expect

from shop.subscriptions.models import Subscription
from tests import factories
from tests.e2e.helpers import assert_accessible, give_address, sign_in
from tests.subscriptions import helpers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def capsules():
    factories.delivery_methods()
    return helpers.capsules()


def subscribe_on_the_product_page(page, live_server, product, every="8 weeks"):
    page.goto(live_server.url + product.get_absolute_url())
    page.get_by_label(re.compile(r"Subscribe & save 10%: £35\.99 per delivery")).check()
    page.get_by_label("Deliver every").select_option(label=every)
    assert_accessible(page)
    page.get_by_role("button", name="Add to basket", exact=True).click()
    expect(page.locator("#messages")).to_contain_text(product.title)


def pay_with_terms(page, number="4242 4242 4242 4242"):
    expect(page.locator(".subscription-terms")).to_contain_text("delivered every 8 weeks")
    page.get_by_label("Card number").fill(number)
    page.get_by_label("Expiry date (MM/YY)").fill("12/34")
    page.get_by_label("Security code (CVC)").fill("123")
    page.get_by_label(re.compile("I agree to these subscription terms")).check()
    page.get_by_role("button", name="Place order and pay").click()


def test_a_shopper_subscribes_at_checkout_creating_an_account(page, live_server, capsules):
    subscribe_on_the_product_page(page, live_server, capsules)
    page.goto(live_server.url + "/basket/")
    expect(page.get_by_text("every 8 weeks (subscribe & save)")).to_be_visible()
    page.get_by_role("link", name="Proceed to checkout").click()

    page.get_by_label("My email address is").fill("rowan@example.com")
    page.get_by_label("I am a new customer and want to checkout as a guest").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Subscriptions need an account")).to_be_visible()
    page.get_by_label(re.compile("want to create an account")).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Password", exact=True).fill("a-long-test-passphrase")
    page.get_by_label("Confirm password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Register").click()
    give_address(page)
    page.get_by_role("button", name="Choose Next Day").click()
    assert_accessible(page)

    pay_with_terms(page)

    expect(page.locator(".order-number")).to_be_visible()
    subscription = Subscription.objects.get()
    assert subscription.user.email == "rowan@example.com"
    assert (subscription.weeks, subscription.card.last4) == (8, "4242")


def test_a_subscriber_skips_a_delivery_then_cancels_in_three_clicks(page, live_server, capsules):
    sam = helpers.customer()
    subscription = helpers.direct_subscription(
        sam, capsules, next_date=helpers.at("2030-05-06 09:00").date()
    )
    sign_in(page, live_server, sam)
    page.goto(live_server.url + "/accounts/profile/")

    account_menu = page.locator(".nav-pills")
    account_menu.get_by_role("link", name="Subscriptions").click()
    assert_accessible(page)
    page.get_by_role("link", name="Skip next").click()
    page.get_by_role("button", name="Skip this delivery").click()
    expect(page.locator("#messages")).to_contain_text("Your next delivery is on Monday 3 June")

    account_menu.get_by_role("link", name="Subscriptions").click()  # 1
    page.get_by_role("link", name="Cancel", exact=True).click()  # 2
    page.get_by_role("button", name="Cancel subscription").click()  # 3

    expect(page.locator("#messages")).to_contain_text("Your subscription is cancelled")
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.CANCELLED
    assert_accessible(page)
