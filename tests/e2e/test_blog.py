"""A marketer writes, previews and schedules an article in Chromium; visitors see it on time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from blog.models import Article, Author
from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONDON = ZoneInfo("Europe/London")


def write_article(page, live_server):
    page.goto(live_server.url + "/admin/blog/article/add/")
    page.get_by_label("Title:", exact=True).press_sequentially("Why kefir grains keep going")
    expect(page.get_by_label("Slug:", exact=True)).to_have_value("why-kefir-grains-keep-going")
    page.get_by_label("Summary:", exact=True).fill(
        "Grains are a living community, so they can be reused."
    )
    page.get_by_label("Author:", exact=True).select_option(label="kēpos Science Team")

    page.get_by_text("Add another Key takeaway").click()
    page.locator("#id_takeaways-0-text").fill("Grains are reused batch after batch.")

    page.get_by_text("Add another Section").click()
    page.locator("#id_sections-0-heading").fill("A living starter")
    editor = page.locator("#sections-0 [contenteditable=true]")
    editor.click()
    page.keyboard.type("Kefir grains hold bacteria and yeasts together [1].")

    page.get_by_text("Add another Reference").click()
    page.locator("#id_references-0-number").fill("1")
    page.locator("#id_references-0-authors").fill("Rosa DD, et al.")
    page.locator("#id_references-0-title").fill(
        "Milk kefir: nutritional, microbiological and health benefits"
    )
    page.locator("#id_references-0-journal").fill("Nutrition Research Reviews")
    page.locator("#id_references-0-year").fill("2017")
    page.locator("#id_references-0-pmid").fill("28222814")

    page.get_by_text("Add another Related product").click()
    page.locator("#product_links-0 .select2-selection").click()
    page.locator(".select2-search__field").fill("starter")
    page.get_by_role("option", name="Kefir starter").click()

    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messagelist")).to_contain_text("was saved as a draft")


def test_a_marketer_previews_and_schedules_an_article_that_appears_on_time(
    marketer_page, live_server, browser
):
    page = marketer_page
    Author.objects.create(name="kēpos Science Team", slug="team", bio="Our in-house writers.")
    factories.product("Kefir starter", "12.00")

    write_article(page, live_server)
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.revisions.count() == 1

    # The preview is the real page layout, citation linked and product offered.
    page.get_by_role("link", name="View on site").click()
    preview = page
    expect(preview.get_by_role("heading", name="Why kefir grains keep going")).to_be_visible()
    expect(preview.get_by_role("status")).to_contain_text("Preview. This article is draft")
    expect(preview.get_by_role("link", name="Reference 1")).to_have_attribute("href", "#ref-1")
    expect(preview.get_by_role("link", name="PubMed 28222814")).to_have_attribute(
        "href", "https://pubmed.ncbi.nlm.nih.gov/28222814/"
    )
    shop_card = preview.locator(".shop-the-article")
    expect(shop_card).to_contain_text("Kefir starter")
    expect(shop_card).to_contain_text("£12.00")
    page.go_back()

    # Schedule it for tomorrow morning.
    tomorrow = datetime.now(LONDON).date() + timedelta(days=1)
    page.get_by_text("Schedule…").click()
    page.get_by_label("Publish at").fill(f"{tomorrow.isoformat()}T09:00")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("goes live on")
    article.refresh_from_db()
    assert article.state == "Scheduled"

    visitor = browser.new_context().new_page()
    visitor.goto(live_server.url + "/blog/")
    expect(visitor.get_by_role("link", name="Why kefir grains keep going")).to_have_count(0)
    response = visitor.goto(live_server.url + article.get_absolute_url())
    assert response.status == 404

    with time_machine.travel(
        datetime.combine(tomorrow, datetime.min.time(), LONDON) + timedelta(hours=9, minutes=5)
    ):
        visitor.goto(live_server.url + "/blog/")
        visitor.get_by_role("link", name="Why kefir grains keep going").click()
        expect(visitor.get_by_role("heading", level=1)).to_have_text("Why kefir grains keep going")
        expect(visitor.get_by_text("Preview.")).to_have_count(0)
        expect(visitor.get_by_role("heading", name="A living starter")).to_have_attribute(
            "id", "a-living-starter"
        )
        expect(visitor.get_by_role("link", name="Reference 1")).to_be_visible()
        assert_accessible(visitor)


def test_a_marketer_reorders_sections_without_typing_a_position(marketer_page, live_server):
    Author.objects.create(name="kēpos Science Team", slug="team")
    page = marketer_page
    page.goto(live_server.url + "/admin/blog/article/add/")
    page.get_by_label("Title:", exact=True).fill("Three parts")
    page.get_by_label("Summary:", exact=True).fill("In an order that changes.")
    page.get_by_label("Author:", exact=True).select_option(label="kēpos Science Team")
    for index, heading in enumerate(["Alpha", "Beta", "Gamma"]):
        page.get_by_text("Add another Section").click()
        page.locator(f"#id_sections-{index}-heading").fill(heading)
        page.locator(f"#sections-{index} [contenteditable=true]").click()
        page.keyboard.type(f"Text of {heading}.")

    gamma = page.locator("#sections-2")
    gamma.get_by_role("button", name="Move up").click()
    gamma.get_by_role("button", name="Move up").click()
    page.get_by_role("button", name="Save draft").click()

    expect(page.locator(".messagelist")).to_contain_text("was saved as a draft")
    article = Article.objects.get()
    assert list(article.sections.values_list("heading", "position")) == [
        ("Gamma", 1),
        ("Alpha", 2),
        ("Beta", 3),
    ]
    assert list(article.sections.values_list("anchor", flat=True)) == ["gamma", "alpha", "beta"]
