"""The home page built as a landing page: shown at / once published, handed over to a
newer one at its scheduled time, at one address, and as cheap with a big catalogue as a
small one."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from shop.landing.models import Block, LandingPage
from tests import factories
from tests.landing.test_landing_pages import landing_page
from tests.pages import by_type, jsonld, text_of

pytestmark = pytest.mark.django_db


def home_page(slug="home", heading="Look after your gut", **fields) -> LandingPage:
    page = landing_page(slug=slug, title="Home", is_home=True, **fields)
    Block.objects.create(page=page, position=1, kind="hero", heading=heading)
    Block.objects.create(page=page, position=2, kind="lines", heading="Shop our ranges")
    return page


def test_landing_home_page_is_shown_at_the_root_once_published(client):
    factories.catalogue(3)
    home_page(seo_title="Gut health supplements and living kefir")

    response = client.get(reverse("home"))

    text = text_of(response)
    assert "Look after your gut" in text and "Shop our ranges" in text
    assert "Product 0" in text  # the lines block's best sellers
    assert "| Gut health supplements and living kefir</title>" in response.content.decode()
    assert by_type(jsonld(response), "Organization") and by_type(jsonld(response), "WebSite")


def test_landing_home_page_a_draft_leaves_the_built_in_home(client):
    factories.catalogue(3)
    home_page(status=LandingPage.Status.DRAFT)

    text = text_of(client.get(reverse("home")))

    assert "Look after your gut" not in text and "Product 0" in text


def test_landing_home_page_a_newer_one_takes_over_at_its_time(client):
    now = timezone.now()
    home_page(slug="autumn", heading="Autumn home", publish_at=now - timedelta(days=30))
    winter = home_page(slug="winter", heading="Winter home", publish_at=now + timedelta(days=1))

    assert "Autumn home" in text_of(client.get(reverse("home")))
    winter.publish_at = now - timedelta(minutes=1)
    winter.save()
    assert "Winter home" in text_of(client.get(reverse("home")))
    # the old one is an ordinary page again, at its own address
    assert client.get("/p/autumn/").status_code == 200


def test_landing_home_page_has_one_address_and_is_not_listed_twice(client):
    page = home_page()
    landing_page(slug="spring")

    response = client.get(page.get_absolute_url())
    xml = client.get("/sitemap-landing-pages.xml").content.decode()

    assert response.status_code == 302 and response.url == reverse("home")
    assert "/p/spring/" in xml and "/p/home/" not in xml


def test_landing_home_page_queries_do_not_grow_with_the_catalogue(client, queries_do_not_grow):
    factories.delivery_methods()
    page = home_page()
    grid = Block.objects.create(page=page, position=3, kind="products", heading="Favourites")
    made: list = []

    def grow(size):
        made.extend(factories.catalogue(size - len(made), start=len(made))["products"])
        grid.products.set(made)

    queries_do_not_grow(lambda: client.get(reverse("home")), grow, ceiling=24)
