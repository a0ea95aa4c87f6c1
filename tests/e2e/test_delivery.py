"""A shopper in Chromium fills the basket until delivery is free, then checks out."""

import pytest
from oscar.test.factories import UserFactory
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import assert_accessible, give_address, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def grains():
    factories.delivery_methods()
    item = factories.product(
        "Live Milk Kefir Grains",
        "14.99",
        klass=factories.product_class("Kefir culture", "0", "food"),
        no_weekend_transit=True,
    )
    factories.product_image(item)
    return item


def test_the_progress_bar_fills_until_next_day_delivery_is_free_at_checkout(
    page, live_server, grains
):
    sign_in(page, live_server, UserFactory(email="ada@example.com"))
    page.goto(live_server.url + grains.get_absolute_url())
    page.get_by_role("button", name="Add to basket").click()
    page.goto(live_server.url + "/basket/")

    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("value", "59")
    expect(page.locator(".free-delivery__message")).to_have_text(
        "Spend £10.01 more for FREE Next Day delivery."
    )
    assert_accessible(page)

    page.get_by_label("Quantity of Live Milk Kefir Grains").fill("2")
    page.get_by_role("button", name="Update").click()  # Oscar re-renders the basket in place

    expect(page.locator(".free-delivery__message")).to_have_text(
        "You've unlocked FREE Next Day delivery."
    )
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "100")

    page.get_by_role("link", name="Proceed to checkout").click()
    give_address(page)

    next_day = page.locator(".delivery-method", has_text="Next Day")
    expect(next_day.locator(".delivery-method__price")).to_have_text("FREE")
    expect(
        page.locator(".delivery-method", has_text="Standard").locator(".delivery-method__price")
    ).to_have_text("FREE")
    assert_accessible(page)


def test_the_delivery_page_checks_a_postcode_and_is_accessible(page, live_server, grains):
    page.goto(live_server.url + "/delivery/")
    assert_accessible(page)

    page.get_by_label("Your postcode", exact=True).fill("JE2 3AB")
    page.get_by_role("button", name="Check").click()

    expect(page.get_by_role("alert")).to_have_text(
        "We can't deliver to Jersey: the Channel Islands are outside the UK VAT area."
    )
    expect(page.get_by_label("Your postcode", exact=True)).to_have_attribute("aria-invalid", "true")
