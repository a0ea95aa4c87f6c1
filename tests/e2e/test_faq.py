"""The FAQ page in Chromium: keyboard only, and with JavaScript switched off."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def questions():
    factories.delivery_methods()
    factories.faq_entry(
        "How do I get free delivery?",
        "<p>Spend {threshold} or more and {method} delivery is free.</p>",
        slug="free-delivery",
    )
    factories.faq_entry(
        "How long does kefir last?", "<p>At least 45 days, unopened.</p>", category="Kefir care"
    )
    factories.faq_entry("Is kēpos vegan?", "<p>No: lactose may be used.</p>", category="kēpos")


def tab_to(page, predicate: str, limit: int = 40) -> None:
    """Press Tab until the focused element satisfies the JS ``predicate`` (on ``el``)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {predicate}; }})()"):
            return
    raise AssertionError(f"never reached an element where {predicate}")


def test_a_shopper_filters_and_opens_answers_with_the_keyboard(page, live_server, questions):
    page.goto(live_server.url + "/faq/")
    assert_accessible(page)

    tab_to(page, "el.id === 'faq-query'")
    page.keyboard.type("kefir")
    expect(page.get_by_role("status").filter(has_text="match")).to_have_text(
        "1 of 3 questions match “kefir”."
    )
    expect(page.get_by_text("Is kēpos vegan?")).to_be_hidden()
    expect(page.get_by_role("heading", name="Delivery")).to_be_hidden()
    assert page.url.endswith("/faq/?q=kefir")  # the filtered view can be shared

    tab_to(page, "el.tagName === 'SUMMARY'")
    expect(page.locator("summary:focus")).to_have_text("How long does kefir last?")
    page.keyboard.press("Enter")
    expect(page.get_by_text("At least 45 days, unopened.")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.get_by_text("At least 45 days, unopened.")).to_be_hidden()

    page.get_by_label("Filter the questions").fill("")
    expect(page.get_by_text("Is kēpos vegan?")).to_be_visible()
    assert_accessible(page)


def test_a_deep_link_opens_its_answer_with_live_rules(page, live_server, questions):
    page.goto(live_server.url + "/faq/#free-delivery")

    expect(page.get_by_text("Spend £25 or more and Next Day delivery is free.")).to_be_visible()
    expect(page.locator("summary:focus")).to_have_text("How do I get free delivery?")


def test_the_faq_works_without_javascript(browser, live_server, questions):
    page = browser.new_context(java_script_enabled=False).new_page()

    page.goto(live_server.url + "/faq/#free-delivery")
    expect(page.get_by_text("Spend £25 or more and Next Day delivery is free.")).to_be_visible()

    page.get_by_label("Filter the questions").fill("vegan")
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_server.url + "/faq/?q=vegan")
    expect(page.get_by_text("1 of 3 questions match “vegan”.")).to_be_visible()
    expect(page.get_by_text("How long does kefir last?")).to_be_hidden()

    summary = page.get_by_text("Is kēpos vegan?")
    summary.focus()
    page.keyboard.press("Space")
    expect(page.get_by_text("No: lactose may be used.")).to_be_visible()

    page.get_by_role("link", name="Show all questions").click()
    expect(page.get_by_text("How long does kefir last?")).to_be_visible()
    page.close()
