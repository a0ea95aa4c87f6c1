"""A product page on a phone and a desktop: its pictures, the buy box and what sits
beside it, and Add to basket within reach."""

import io

import pytest
from django.core.files.base import ContentFile
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from PIL import Image
from playwright.sync_api import expect

from shop.catalogue.models import ProductImage
from shop.storefront.models import StorePromise
from tests import factories
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
CAPTIONS = [
    "A jar of live milk kefir grains on a wooden board",
    "Kefir grains in a sieve over a glass of fresh kefir",
    "A spoonful of kefir grains beside a pint of milk",
]
ProductReview = get_model("reviews", "ProductReview")


@pytest.fixture
def grains():
    factories.delivery_methods()
    StorePromise.objects.all().delete()
    StorePromise.objects.create(
        kind=StorePromise.Kind.DELIVERY, text="FREE {method} Delivery on orders over {threshold}"
    )
    kefir_culture = factories.product_class("Kefir culture", "0", "food")
    kefir_culture.cancellation_exception = "perishable"
    kefir_culture.save()
    product = factories.product(
        "Live Milk Kefir Grains",
        "14.99",
        klass=kefir_culture,
        description="<p>Grains that turn milk into kefir overnight.</p>" * 6,
    )
    colours = ["wheat", "seagreen", "tan"]
    for order, (caption, colour) in enumerate(zip(CAPTIONS, colours, strict=True)):
        buffer = io.BytesIO()
        Image.new("RGB", (900, 900), colour).save(buffer, format="PNG")
        image = ProductImage(product=product, caption=caption, display_order=order)
        image.original.save(f"grains-{order}.png", ContentFile(buffer.getvalue()), save=False)
        image.save()
    for score in (5, 4):
        ProductReview.objects.create(
            product=product, score=score, title="Lively grains", body="Fizzy by day two.",
            status=ProductReview.APPROVED, verified_purchase=True, user=UserFactory(),
        )  # fmt: skip
    product.update_rating()
    return product


def test_on_a_phone_add_to_basket_stays_in_reach(page, live_server, grains):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + grains.get_absolute_url())

    bar = page.locator("[data-buy-bar]")
    expect(bar).to_be_in_viewport()
    expect(bar).to_contain_text("£14.99")
    bar.get_by_role("button", name="Add to basket").click()

    expect(page.locator("#messages")).to_contain_text("Live Milk Kefir Grains")
    expect(page.locator(".basket-mini")).to_contain_text("1 item")

    page.goto(live_server.url + grains.get_absolute_url())
    page.locator("#add_to_basket_form").get_by_role(
        "button", name="Add to basket"
    ).scroll_into_view_if_needed()
    expect(bar).to_have_class("buy-bar buy-bar--away")  # no second button beside the first


def test_the_desktop_has_no_sticky_bar_and_the_buy_button_is_in_the_first_screen(
    page, live_server, grains
):
    page.set_viewport_size(DESKTOP)
    page.context.add_cookies([{"name": "cookie_choice", "value": "reject", "url": live_server.url}])
    page.goto(live_server.url + grains.get_absolute_url())

    expect(page.locator("[data-buy-bar]")).to_be_hidden()
    expect(page.get_by_role("button", name="Add to basket")).to_be_in_viewport()


def test_each_picture_is_described_and_opens_larger(page, live_server, grains):
    page.goto(live_server.url + grains.get_absolute_url())

    gallery = page.locator("[data-gallery]")
    for caption in CAPTIONS:
        expect(gallery.locator(".gallery__slide").get_by_role("img", name=caption)).to_have_count(1)
    thumbs = gallery.locator("[data-gallery-thumb]")
    expect(thumbs).to_have_count(3)
    thumbs.nth(1).click()
    expect(thumbs.nth(1)).to_have_attribute("aria-current", "true")
    expect(thumbs.nth(0)).not_to_have_attribute("aria-current", "true")

    gallery.get_by_role("link", name="Zoom into picture 1").click()
    zoom = page.get_by_role("dialog", name=f"Zoomed picture: {CAPTIONS[0]}")
    expect(zoom).to_be_visible()
    assert zoom.locator("img").evaluate("i => i.complete && i.naturalWidth") == 900
    zoom.get_by_role("button", name="Close").click()
    expect(zoom).to_have_count(0)
    expect(gallery.get_by_role("link", name="Zoom into picture 1")).to_be_focused()


def test_pictures_come_as_avif_with_their_size_set(page, live_server, grains):
    page.goto(live_server.url + grains.get_absolute_url())

    first = page.locator(".gallery__slide img").first
    expect(first).to_have_attribute("width", "900")
    expect(first).to_have_attribute("height", "900")
    first.evaluate("i => i.decode()")
    assert first.evaluate("i => i.currentSrc").endswith(".avif")
    expect(page.locator(".gallery__slide img").nth(1)).to_have_attribute("loading", "lazy")


def test_rating_delivery_returns_and_payment_sit_beside_the_buy_button(page, live_server, grains):
    page.goto(live_server.url + grains.get_absolute_url())

    buying = page.locator(".product_main")
    expect(buying.get_by_role("img", name="Rated 4.5 out of 5")).to_be_visible()
    expect(buying.get_by_role("link", name="4.5 from 2 verified buyers")).to_be_visible()
    assurances = buying.locator(".assurances")
    expect(assurances).to_contain_text("FREE Next Day Delivery on orders over £25")
    expect(
        assurances.get_by_role("link", name="Arrived spoiled? Replaced or refunded")
    ).to_be_visible()
    expect(assurances.get_by_role("list", name="We accept American Express, Visa")).to_be_visible()
    button = buying.get_by_role("button", name="Add to basket").bounding_box()
    assert assurances.bounding_box()["y"] - (button["y"] + button["height"]) < 200


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_product_page_passes_every_axe_rule(page, live_server, grains, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + grains.get_absolute_url())
    assert_accessible(page, all_rules=True)


def test_on_a_desktop_the_size_list_shows_each_size_and_price_in_full(page, live_server):
    factories.delivery_methods()
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
    )
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + kefir.get_absolute_url())

    sizes = page.get_by_label("Size")
    widest = sizes.evaluate(
        """select => {
            const probe = document.createElement("span");
            probe.style.font = getComputedStyle(select).font;
            document.body.append(probe);
            const widths = [...select.options].map(
                o => (probe.textContent = o.text, probe.offsetWidth)
            );
            probe.remove();
            return Math.max(...widths);
        }"""
    )
    assert sizes.bounding_box()["width"] > widest + 24  # room for the text and the arrow
