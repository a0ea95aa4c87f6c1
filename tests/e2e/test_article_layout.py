"""A long article read on a phone and on a desktop: what the first screen holds, the
"Shop the article" card early (and beside the text, in view, on wide screens), and the
pull quotes."""

import pytest
from playwright.sync_api import expect

from blog.models import ArticleProduct, KeyTakeaway
from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
PARAGRAPH = (
    "<p>Kefir grains are small clusters of bacteria and yeasts living together. Fed with "
    "fresh milk they ferment it overnight into a tangy, lightly fizzy drink, and they grow "
    "as they work, so a household soon has grains to share [1].</p>"
)


@pytest.fixture
def long_article():
    factories.delivery_methods()
    article = factories.article(
        "Kefir and mood: what a fermented drink can and can't do for you every day",
        summary="Kefir brings live cultures and nutrients to your diet. Here is how it fits "
        "into what is known about the gut and the brain, without the hype.",
        sections=[(f"Part {n} of the story", PARAGRAPH * 4) for n in range(1, 11)],
    )
    for n in range(1, 5):
        KeyTakeaway.objects.create(article=article, text=f"Takeaway number {n}.", position=n)
    section = article.sections.get(heading="Part 3 of the story")
    section.pull_quote = "Kefir grains are small clusters of bacteria and yeasts living together."
    section.save()
    for position, title in enumerate(["Goat's Milk Kefir", "Live Milk Kefir Grains"], 1):
        product = factories.product(title, "4.49")
        factories.product_image(product)
        ArticleProduct.objects.create(article=article, product=product, position=position)
    return article


def test_on_a_phone_the_first_screen_has_the_title_and_summary_and_shopping_comes_early(
    page, live_server, long_article
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + long_article.get_absolute_url())

    expect(page.get_by_role("heading", level=1)).to_be_in_viewport()
    expect(page.locator(".blog-article .lead")).to_be_in_viewport()
    shop = page.get_by_role("complementary", name="Shop the article")
    first_section = page.get_by_role("heading", name="Part 1 of the story")
    assert shop.bounding_box()["y"] < first_section.bounding_box()["y"]
    expect(shop.get_by_role("link", name="Goat's Milk Kefir")).to_be_visible()
    expect(shop).to_contain_text("£4.49")
    assert_accessible(page, all_rules=True)


def test_on_a_desktop_the_shop_card_stays_beside_the_text_while_reading(
    page, live_server, long_article
):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + long_article.get_absolute_url())
    shop = page.get_by_role("complementary", name="Shop the article")
    text = page.locator(".article-main")

    assert shop.bounding_box()["x"] > text.bounding_box()["x"] + text.bounding_box()["width"]
    page.get_by_role("heading", name="Part 8 of the story").scroll_into_view_if_needed()
    expect(shop).to_be_in_viewport()
    expect(shop.get_by_role("link", name="Live Milk Kefir Grains")).to_be_in_viewport()

    quote = page.locator(".pull-quote")
    expect(quote).to_have_count(1)
    expect(quote).to_have_attribute("aria-hidden", "true")  # the section says it already
    assert_accessible(page, all_rules=True)
