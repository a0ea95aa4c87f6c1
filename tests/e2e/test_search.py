"""Searching from the header in Chromium finds a product and an article."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_header_search_finds_a_product_and_an_article(page, live_server):
    factories.product(
        "kēpos daily gut health", "39.99", description="<p>HMOs with lactoferrin.</p>"
    )
    factories.article(
        "Lactoferrin and the gut barrier",
        summary="What a 2024 study of lactoferrin in rats showed.",
    )
    factories.faq_entry("What is in kēpos?", "<p>HMOs and a lactoferrin.</p>", category="kēpos")

    page.goto(live_server.url + "/")
    search = page.get_by_role("search").get_by_label("Search the shop, articles and questions")
    search.fill("Lactoferrin")
    search.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Results for “Lactoferrin”")
    products = page.get_by_role("region", name="Products")
    expect(products).to_contain_text("kēpos daily gut health")
    expect(products).to_contain_text("£39.99")
    articles = page.get_by_role("region", name="Articles")
    expect(articles.locator("mark").first).to_have_text("lactoferrin")
    assert_accessible(page)

    articles.get_by_role("link", name="Lactoferrin and the gut barrier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lactoferrin and the gut barrier")
