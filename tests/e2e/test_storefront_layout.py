"""The storefront's frame on a 390 px phone and a 1280 px desktop: what the first
screen shows, the header, the chat launcher and the self-hosted fonts."""

import io
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from shop.landing.models import Block, LandingPage
from shop.storefront.models import StorePromise
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def home():
    """A home page as Marketing builds it: a hero with a picture of the products."""
    factories.delivery_methods()
    data = factories.catalogue(3)
    page = LandingPage.objects.create(
        title="Home",
        slug="home",
        is_home=True,
        status=LandingPage.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    hero = Block(
        page=page,
        position=1,
        kind=Block.Kind.HERO,
        heading="Look after the gut that looks after you",
        body="<p>Two ways to feed a healthy gut: a daily supplement and live kefir.</p>",
        image_alt="A pack of kēpos beside a bottle of goat's milk kefir",
        button_label="Shop everything",
        button_link="/catalogue/",
    )
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), "wheat").save(buffer, format="PNG")
    hero.image.save("hero.png", ContentFile(buffer.getvalue()), save=False)
    hero.save()
    return data


def in_first_screen(locator, viewport) -> bool:
    box = locator.bounding_box()
    if box is None:
        return False
    return box["y"] >= 0 and box["y"] + min(box["height"], 120) <= viewport["height"]


def test_a_phones_first_screen_shows_search_a_labelled_menu_and_what_we_sell(
    page, live_server, home
):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")  # the cookie banner is up, as on a first visit

    search = page.get_by_role("searchbox", name="Search the shop, articles and questions")
    assert in_first_screen(search, PHONE)
    assert in_first_screen(page.get_by_role("img", name="A pack of kēpos beside a bottle"), PHONE)
    assert in_first_screen(page.get_by_role("link", name="Basket 0 items"), PHONE)

    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".site-header").get_by_role("link", name="Science blog")).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".site-header").get_by_role("link", name="Science blog")).to_be_visible()


def test_the_promise_strip_is_one_line_on_a_phone(page, live_server, home):
    StorePromise.objects.all().delete()
    texts = ["FREE {method} Delivery on orders over {threshold}", "FREE support", "Made in Devon"]
    for position, text in enumerate(texts):
        kind = StorePromise.Kind.DELIVERY if position == 0 else StorePromise.Kind.OTHER
        StorePromise.objects.create(kind=kind, text=text, position=position)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")

    strip = page.get_by_role("complementary", name="Our promises")
    items = strip.get_by_role("listitem")
    assert items.count() >= 2
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) == 1, "every promise sits on the same line"
    assert strip.bounding_box()["height"] < 48


def test_the_desktop_header_is_one_compact_bar_with_a_clear_search_button(page, live_server, home):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")

    header = page.locator(".site-header")
    assert header.bounding_box()["height"] <= 80
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.locator(".site-header").get_by_role("link", name="Science blog")).to_be_visible()
    button = page.get_by_role("button", name="Search", exact=True)
    # the brand green, not Bootstrap's grey that reads as disabled
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(30, 77, 59)"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_chat_launcher_covers_nothing_at_the_foot_of_a_page(page, live_server, home, viewport):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/")
    page.keyboard.press("End")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")

    launcher = page.locator("[data-chat-open]").bounding_box()
    for link in page.locator(".site-footer a").all():
        box = link.bounding_box()
        overlaps = (
            box["x"] < launcher["x"] + launcher["width"]
            and launcher["x"] < box["x"] + box["width"]
            and box["y"] < launcher["y"] + launcher["height"]
            and launcher["y"] < box["y"] + box["height"]
        )
        assert not overlaps, f"the chat button covers {link.inner_text()!r}"
    if viewport is PHONE:
        assert launcher["width"] <= 56


def test_pages_use_the_self_hosted_fonts(page, live_server, home):
    fonts = []
    page.on("requestfinished", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")

    assert page.evaluate("document.fonts.check('16px Inter')")
    assert page.evaluate("document.fonts.check('600 32px Fraunces')")
    assert fonts and all(url.startswith(live_server.url + "/static/shop/fonts/") for url in fonts)
    family = page.get_by_role("heading", level=1).evaluate("h => getComputedStyle(h).fontFamily")
    assert family.startswith('"Fraunces"') or family.startswith("Fraunces")
