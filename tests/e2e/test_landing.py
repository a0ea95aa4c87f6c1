"""A shopper on a campaign page built from blocks: readable by everyone, and selling."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from shop.faq.models import FAQCategory, FAQEntry
from shop.landing.models import Block, LandingPage
from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_shopper_reads_a_landing_page_and_buys_from_it(page, live_server):
    factories.delivery_methods()
    grains = factories.product("Live Milk Kefir Grains", "14.99")
    factories.product_image(grains)
    article = factories.article("Kefir and calm")
    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    entry = FAQEntry.objects.create(
        question="Is kefir fizzy?", slug="fizzy", answer="<p>Gently.</p>", category=category
    )
    landing = LandingPage.objects.create(
        title="Spring kefir",
        slug="spring",
        status=LandingPage.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    specs = [
        {"kind": "hero", "heading": "Start your kefir habit", "button_label": "Shop kefir",
         "button_link": "/catalogue/"},
        {"kind": "benefits", "heading": "Why kefir", "items": "Live | Cultures\nFresh | Chilled"},
        {"kind": "steps", "heading": "How it works", "items": "Order | Before 2pm\nBrew | Daily"},
        {"kind": "product", "heading": "Everything to start"},
        {"kind": "science", "heading": "The science"},
        {"kind": "comparison", "heading": "Compare", "items": "Feature | Ours\nLive | Yes"},
        {"kind": "faq", "heading": "Questions"},
        {"kind": "newsletter", "heading": "Stay in touch"},
    ]  # fmt: skip
    for position, spec in enumerate(specs, start=1):
        block = Block.objects.create(page=landing, position=position, **spec)
        block.products.set([grains])
        block.articles.set([article])
        block.faq_entries.set([entry])

    page.goto(live_server.url + "/p/spring/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Start your kefir habit")
    assert_accessible(page)
    page.locator(".landing-product").get_by_role("button", name="Add to basket").click()
    expect(page.locator(".basket-mini")).to_contain_text("£14.99")
