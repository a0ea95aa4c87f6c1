"""Landing pages built from blocks: shown when published, each block as its kind draws it,
checked and ordered in the admin, and as cheap with thirty blocks as with three."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from shop import roles
from shop.claims.seed import seed
from shop.faq.models import FAQCategory, FAQEntry
from shop.landing.models import Block, LandingPage
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db


def landing_page(**fields) -> LandingPage:
    values = {
        "title": "Spring kefir",
        "slug": "spring",
        "status": LandingPage.Status.PUBLISHED,
        "publish_at": timezone.now() - timedelta(hours=1),
        **fields,
    }
    return LandingPage.objects.create(**values)


def test_landing_page_shows_its_blocks_in_order(client):
    page = landing_page()
    Block.objects.create(page=page, position=2, kind="text", heading="Second", body="<p>b</p>")
    Block.objects.create(
        page=page,
        position=1,
        kind="hero",
        heading="First",
        button_label="Shop",
        button_link="/catalogue/",
    )

    text = text_of(client.get(page.get_absolute_url()))

    assert text.index("First") < text.index("Second")
    assert "Shop" in text


def test_landing_page_draft_and_scheduled_pages_are_not_found(client):
    draft = landing_page(slug="draft", status=LandingPage.Status.DRAFT)
    later = landing_page(slug="later", publish_at=timezone.now() + timedelta(days=1))

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(later.get_absolute_url()).status_code == 404


def test_landing_page_block_text_is_sanitised(client):
    page = landing_page()
    Block.objects.create(
        page=page,
        kind="text",
        heading="<b>Hi</b>",
        body='<p onclick="x()">ok</p><script>alert(1)</script>',
    )

    html = client.get(page.get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html and "onclick" not in html
    assert "&lt;b&gt;Hi&lt;/b&gt;" in html


def test_landing_page_benefits_steps_and_comparison_read_their_lines(client):
    page = landing_page()
    Block.objects.create(
        page=page,
        position=1,
        kind="benefits",
        items="Live | Cultures in every bottle\nFresh | Chilled delivery",
    )
    Block.objects.create(
        page=page, position=2, kind="steps", items="Order | Before 2pm\nDrink | A glass a day"
    )
    Block.objects.create(
        page=page,
        position=3,
        kind="comparison",
        heading="Compare",
        items="Feature | Ours | Shop milk\nLive cultures | Yes | No",
    )

    text = text_of(client.get(page.get_absolute_url()))

    assert "Live Cultures in every bottle" in text and "Fresh Chilled delivery" in text
    assert "Order: Before 2pm" in text
    assert "Feature Ours Shop milk Live cultures Yes No" in text


def test_landing_page_product_blocks_sell_with_add_to_basket(client):
    factories.delivery_methods()
    grains = factories.product("Kefir grains", "14.99")
    page = landing_page()
    block = Block.objects.create(page=page, kind="product", heading="Start brewing")
    block.products.set([grains])

    html = client.get(page.get_absolute_url()).content.decode()

    assert "Kefir grains" in html and "£14.99" in html
    assert reverse("basket:add", kwargs={"pk": grains.pk}) in html


def hero_picture(width: int = 1600) -> str:
    """A real JPEG in storage, as an upload would leave it; returns its name."""
    from io import BytesIO

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, width * 9 // 16), "seagreen").save(buffer, format="JPEG")
    return default_storage.save("landing/test-hero.jpg", ContentFile(buffer.getvalue()))


def test_landing_page_hero_picture_is_served_as_sized_renditions(client):
    page = landing_page()
    Block.objects.create(
        page=page, kind="hero", heading="Spring", image=hero_picture(), image_alt="Kefir"
    )

    html = client.get(page.get_absolute_url()).content.decode()

    img = re.search(r'<img[^>]*alt="Kefir"[^>]*>', html).group(0)
    assert 'width="720" height="405"' in img and 'fetchpriority="high"' in img
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 720w, [^"]+ 960w, [^"]+ 1440w"', img)
    assert "test-hero.jpg" not in img  # renditions only, never the full upload


def test_a_text_block_shows_its_described_picture_beside_the_words(client):
    page = landing_page()
    Block.objects.create(
        page=page, kind="text", heading="Made in small batches", body="<p>Brewed daily.</p>",
        image=hero_picture(), image_alt="Bottles of kefir cooling on a rack",
    )  # fmt: skip
    refused = Block(page=page, kind="text", heading="No words", image=hero_picture())

    html = client.get(page.get_absolute_url()).content.decode()

    img = re.search(r'<img[^>]*alt="Bottles of kefir cooling on a rack"[^>]*>', html).group(0)
    assert 'class="img-fluid landing-text__image"' in img and "720w" in img
    assert "<p>Brewed daily.</p>" in html
    with pytest.raises(ValidationError, match="Describe the image"):
        refused.full_clean()


def test_landing_page_science_and_faq_blocks(client):
    article = factories.article("Kefir and calm")
    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    entry = FAQEntry.objects.create(
        question="Is kefir fizzy?", slug="fizzy", answer="<p>Yes, gently.</p>", category=category
    )
    page = landing_page()
    science = Block.objects.create(page=page, position=1, kind="science", heading="The science")
    science.articles.set([article])
    faq = Block.objects.create(page=page, position=2, kind="faq", heading="Questions")
    faq.faq_entries.set([entry])

    text = text_of(client.get(page.get_absolute_url()))

    assert "Kefir and calm" in text
    assert "Is kefir fizzy? Yes, gently." in text


def test_landing_page_reviews_block_shows_verified_reviews_only(client):
    from oscar.core.loading import get_model
    from oscar.test.factories import UserFactory

    ProductReview = get_model("reviews", "ProductReview")
    grains = factories.product("Kefir grains", "14.99")
    ProductReview.objects.create(
        product=grains,
        score=5,
        title="Verified one",
        body="x",
        status=1,
        verified_purchase=True,
        user=UserFactory(),
    )
    ProductReview.objects.create(
        product=grains, score=1, title="Unverified", body="x", status=1, user=UserFactory()
    )
    page = landing_page()
    block = Block.objects.create(page=page, kind="reviews", heading="Customers say")
    block.products.set([grains])

    text = text_of(client.get(page.get_absolute_url()))

    assert "Verified one" in text and "Verified buyer" in text
    assert "Unverified" not in text


def test_landing_page_newsletter_block_offers_the_sign_up(client):
    page = landing_page()
    Block.objects.create(page=page, kind="newsletter", heading="Stay in touch")

    html = client.get(page.get_absolute_url()).content.decode()

    assert reverse("newsletter:signup") in html


def test_landing_page_appears_in_the_sitemap_once_published(client):
    landing_page()
    landing_page(slug="draft", status=LandingPage.Status.DRAFT)

    xml = client.get("/sitemap-landing-pages.xml").content.decode()

    assert "/p/spring/" in xml and "/p/draft/" not in xml


def test_landing_page_queries_do_not_grow_with_its_blocks(client, queries_do_not_grow):
    factories.delivery_methods()
    article = factories.article("Kefir and calm")
    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    entry = FAQEntry.objects.create(
        question="Is kefir fizzy?", slug="fizzy", answer="<p>Yes.</p>", category=category
    )
    grains = factories.product("Kefir grains", "14.99")
    factories.product_image(grains)
    page = landing_page()
    # A product lines block, then blocks whose first three load every relation a block
    # can show (products, articles, questions); more blocks of any kind add no query.
    Block.objects.create(page=page, kind="lines", heading="Our ranges")
    grown = page.blocks.exclude(kind="lines")
    kinds = ["products", "science", "faq", "hero", "reviews", "product", "benefits", "text"]
    picture = hero_picture()

    def grow(size):
        while grown.count() < size:
            kind = kinds[grown.count() % len(kinds)]
            block = Block.objects.create(
                page=page,
                position=page.blocks.count(),
                kind=kind,
                heading="H",
                items="A | b",
                image=picture if kind == "hero" else "",
                image_alt="A glass of kefir",
            )
            block.products.set([grains])
            block.articles.set([article])
            block.faq_entries.set([entry])

    queries_do_not_grow(lambda: client.get(page.get_absolute_url()), grow, ceiling=40)


@pytest.fixture
def marketer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    return client


def admin_data(blocks, **fields):
    data = {
        "title": "Spring kefir",
        "slug": "spring",
        "_action": "draft",
        "schedule_at": "",
        "seo_title": "",
        "seo_description": "",
        "claims_sign_off_note": "",
        "blocks-TOTAL_FORMS": len(blocks),
        "blocks-INITIAL_FORMS": 0,
        **fields,
    }
    for index, block in enumerate(blocks):
        data |= {f"blocks-{index}-{key}": value for key, value in block.items()}
    return data


def test_landing_page_a_marketer_builds_one_from_five_blocks_without_positions(marketer):
    grains = factories.product("Kefir grains", "14.99")
    blocks = [
        {"kind": "hero", "heading": "Spring", "button_label": "Shop", "button_link": "/catalogue/"},
        {"kind": "benefits", "items": "Live | cultures"},
        {"kind": "products", "heading": "Shop", "products": [grains.pk]},
        {"kind": "text", "heading": "About", "body": "<p>Hello.</p>"},
        {"kind": "newsletter", "heading": "News"},
    ]

    response = marketer.post(reverse("admin:landing_landingpage_add"), admin_data(blocks))

    assert response.status_code == 302, text_of(response)[:2000]
    page = LandingPage.objects.get()
    assert list(page.blocks.values_list("position", "kind")) == [
        (1, "hero"), (2, "benefits"), (3, "products"), (4, "text"), (5, "newsletter"),
    ]  # fmt: skip


def test_landing_page_a_block_missing_what_its_kind_needs_is_refused(marketer):
    blocks = [{"kind": "products", "heading": "Shop"}, {"kind": "hero"}]

    response = marketer.post(reverse("admin:landing_landingpage_add"), admin_data(blocks))

    assert response.status_code == 200
    text = text_of(response)
    assert "Choose the products to show." in text and "A hero needs a headline." in text
    assert not LandingPage.objects.exists()


def test_landing_page_button_links_must_be_local_or_https(marketer):
    blocks = [
        {
            "kind": "hero",
            "heading": "Hi",
            "button_label": "Go",
            "button_link": "javascript:alert(1)",
        }
    ]

    response = marketer.post(reverse("admin:landing_landingpage_add"), admin_data(blocks))

    assert "Use a path on this site" in text_of(response)
    assert not LandingPage.objects.exists()


def test_landing_page_publishing_flagged_wording_needs_a_sign_off(marketer):
    seed()
    blocks = [{"kind": "text", "heading": "Why", "body": "<p>Kefir cures colds.</p>"}]
    data = admin_data(blocks, _action="publish")

    response = marketer.post(reverse("admin:landing_landingpage_add"), data)

    assert "The claims check flags 1 thing to publish: “cures” (Block 1)" in text_of(response)
    assert not LandingPage.objects.exists()


def test_landing_page_reserved_addresses_are_refused(marketer):
    response = marketer.post(reverse("admin:landing_landingpage_add"), admin_data([], slug="admin"))

    assert "That address is used by the shop" in text_of(response)


def test_landing_page_preview_shows_staff_a_draft_and_shoppers_nothing(client):
    page = landing_page(status=LandingPage.Status.DRAFT)
    Block.objects.create(page=page, kind="text", heading="Soon", body="<p>Coming.</p>")
    preview = reverse("landing:preview", kwargs={"pk": page.pk})

    shopper = client.get(preview)
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    staff = client.get(preview)

    assert shopper.status_code in (302, 403)
    assert staff.status_code == 200
    assert "Preview. This page is a draft" in text_of(staff)
    assert '<meta name="robots" content="noindex">' in staff.content.decode()


def test_landing_page_preview_says_when_a_scheduled_page_goes_live(client):
    when = timezone.now() + timedelta(days=2)
    page = landing_page(publish_at=when)
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    text = text_of(client.get(reverse("landing:preview", kwargs={"pk": page.pk})))

    assert f"scheduled for {timezone.localtime(when):%-d %B %Y, %H:%M}" in text
