"""A shopper in Chromium: home page, a product, the basket."""

import re
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shop():
    data = factories.catalogue(6)
    grains = factories.product(
        "Live Milk Kefir Grains",
        "14.99",
        klass=factories.product_class("Kefir culture", "0", "food"),
        in_category=data["kefir"],
        priority=10,
        attributes={"ingredients": "Kefir grains, cow's milk.", "allergens": "cow's milk"},
    )
    factories.product_image(grains)
    return {**data, "grains": grains}


def test_a_shopper_goes_from_the_home_page_to_a_product_and_adds_it_to_the_basket(
    page, live_server, shop
):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", name="Kefir", exact=True)).to_be_visible()

    page.get_by_role("link", name="Live Milk Kefir Grains").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Live Milk Kefir Grains")
    expect(page.locator(".ingredients strong").first).to_have_text("cow's milk")

    page.get_by_role("button", name="Add to basket").click()

    expect(page.locator("#messages")).to_contain_text("Live Milk Kefir Grains")
    expect(page.locator(".basket-mini")).to_contain_text("1 item")
    expect(page.locator(".basket-mini")).to_contain_text("£14.99")


def test_a_product_page_served_from_the_page_cache_adds_to_the_basket(
    page, live_server, shop, settings
):
    settings.SHOP_PAGE_CACHE_SECONDS = 60
    url = live_server.url + shop["grains"].get_absolute_url()
    with urlopen(url) as earlier_visitor:  # noqa: S310 (the live server); stores the page
        assert earlier_visitor.headers["X-Page-Cache"] == "miss"

    answer = page.goto(url)
    page.get_by_role("button", name="Add to basket").click()

    assert answer.headers["x-page-cache"] == "hit"
    expect(page.locator("#messages")).to_contain_text("Live Milk Kefir Grains")
    expect(page.locator(".basket-mini")).to_contain_text("1 item")
    page.goto(live_server.url)
    expect(page.locator(".basket-mini")).to_contain_text("£14.99")


def test_a_shopper_picks_a_size_on_a_product_with_sizes(page, live_server, shop):
    kefir = next(p for p in shop["products"] if p.is_parent)
    page.goto(live_server.url + kefir.get_absolute_url())

    page.get_by_label("Size").select_option(label="1 litre – £7.99 (£7.99 per litre)")
    page.get_by_role("button", name="Add to basket").click()

    expect(page.locator(".basket-mini")).to_contain_text("£7.99")


def test_sorting_the_listing_needs_no_submit_button_with_javascript(page, live_server, shop):
    page.goto(live_server.url + "/catalogue/")

    page.get_by_label("Sort by").select_option("price-desc")

    expect(page).to_have_url(re.compile(r"sort_by=price-desc"))
    expect(page.locator(".product_pod .price_color").first).to_have_text("£14.99")


@pytest.mark.parametrize("path", ["home", "category", "product", "listing", "basket"])
def test_key_pages_have_no_wcag_21_aa_violations(page, live_server, shop, path):
    urls = {
        "home": "/",
        "category": shop["kefir"].get_absolute_url(),
        "product": next(p for p in shop["products"] if p.is_parent).get_absolute_url(),
        "listing": "/catalogue/",
        "basket": "/basket/",
    }
    page.goto(live_server.url + urls[path])

    assert_accessible(page)
