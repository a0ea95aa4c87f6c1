"""The cookie banner in Chromium: reject, then browse without anything optional; with and
without JavaScript; and every cookie or storage key the pages leave is on the notice."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from shop.legal.models import StorageItem
from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def products():
    factories.delivery_methods()
    return [
        factories.product("kēpos 30-day", "39.99"),
        factories.product("Water kefir grains", "9.50", klass=factories.milk_kefir_class()),
    ]


def storage_keys(page, area: str) -> set[str]:
    return set(page.evaluate(f"() => Object.keys(window.{area})"))


def inventory(kind: str, *, optional: bool | None = None) -> set[str]:
    items = StorageItem.objects.filter(kind=kind)
    if optional is not None:
        items = items.filter(strictly_necessary=not optional)
    return set(items.values_list("name", flat=True))


def test_cookie_reject_then_browse_sets_nothing_optional(page, live_server, products):
    with time_machine.travel(WEDNESDAY_NOON, tick=True):  # chat open: its panel may be used
        page.goto(live_server.url + "/")
        banner = page.get_by_role("region", name="Cookies on kēpos")
        assert_accessible(page)
        banner.get_by_role("button", name="Reject optional cookies").click()
        expect(banner.get_by_role("status")).to_contain_text("You've rejected optional cookies")
        banner.get_by_role("button", name="Hide this message").click()
        expect(page.get_by_role("region", name="Cookies on kēpos")).to_have_count(0)

        for product in products:
            page.goto(live_server.url + product.get_absolute_url())
        page.get_by_role("button", name="Chat with us").click()
        page.goto(live_server.url + "/basket/")
        expect(page.get_by_role("region", name="Cookies on kēpos")).to_have_count(0)

        names = {cookie["name"] for cookie in page.context.cookies()}
        assert "cookie_consent" in names
        assert not names & inventory("cookie", optional=True)
        assert names <= inventory("cookie"), names - inventory("cookie")
        session_keys = storage_keys(page, "sessionStorage")
        assert "kepos-chat-open" in session_keys  # the panel stayed open across pages
        assert session_keys <= inventory("sessionStorage")
        assert storage_keys(page, "localStorage") <= inventory("localStorage")


def test_cookie_accept_keeps_the_recently_viewed_list(page, live_server, products):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Accept optional cookies").click()
    expect(page.get_by_role("status")).to_contain_text("You've accepted optional cookies")
    page.goto(live_server.url + products[0].get_absolute_url())
    assert "oscar_history" in {cookie["name"] for cookie in page.context.cookies()}


def test_cookie_banner_works_without_javascript(browser, live_server, products):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + products[0].get_absolute_url())
    page.get_by_role("button", name="Reject optional cookies").click()
    expect(page).to_have_url(live_server.url + products[0].get_absolute_url())
    expect(page.get_by_text("You've rejected optional cookies")).to_be_visible()
    expect(page.get_by_role("region", name="Cookies on kēpos")).to_have_count(0)

    # Reopened from the footer: the notice offers the choice again.
    page.get_by_role("link", name="Cookie settings").click()
    expect(page.get_by_text("You have rejected optional cookies.")).to_be_visible()
    page.get_by_role("button", name="Accept optional cookies").click()
    expect(page.get_by_text("You have accepted optional cookies.")).to_be_visible()
    page.context.close()
