"""sitemap.xml (an index of sections) and robots.txt, as a crawler reads them."""

import re
from datetime import timedelta
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from blog.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)


def urls_of(client, section) -> dict[str, str | None]:
    """{path: lastmod} of one sitemap section."""
    root = xml(client, f"/sitemap-{section}.xml")
    found = {}
    for url in root.findall("sm:url", NS):
        loc = url.find("sm:loc", NS).text
        lastmod = url.find("sm:lastmod", NS)
        found[re.sub(r"^https?://[^/]+", "", loc)] = lastmod.text if lastmod is not None else None
    return found


def test_the_index_lists_every_section_with_its_latest_change(client):
    factories.product("kēpos 30-day", "39.99")
    factories.article("Published")

    root = xml(client, "/sitemap.xml")

    sections = {
        re.sub(r"^https?://[^/]+", "", item.find("sm:loc", NS).text): item.find("sm:lastmod", NS)
        for item in root.findall("sm:sitemap", NS)
    }
    assert set(sections) == {
        "/sitemap-pages.xml",
        "/sitemap-categories.xml",
        "/sitemap-products.xml",
        "/sitemap-articles.xml",
        "/sitemap-blog-categories.xml",
        "/sitemap-authors.xml",
        "/sitemap-landing-pages.xml",
    }
    assert sections["/sitemap-products.xml"] is not None
    assert sections["/sitemap-articles.xml"] is not None


def test_products_are_the_public_pages_with_their_last_change(client):
    shown = factories.product("kēpos 30-day", "39.99")
    factories.product("Hidden", "9.99", is_public=False)
    parent = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("3.49", {}), "1 litre": ("5.99", {})}
    )

    products = urls_of(client, "products")

    assert set(products) == {shown.get_absolute_url(), parent.get_absolute_url()}  # no sizes
    assert products[shown.get_absolute_url()].startswith(shown.date_updated.date().isoformat())


def test_categories_are_listed_when_public(client):
    kefir = factories.category("Kefir")
    hidden = factories.category("Secret")
    hidden.is_public = False
    hidden.save()

    categories = urls_of(client, "categories")

    assert kefir.get_absolute_url() in categories
    assert hidden.get_absolute_url() not in categories


def test_only_published_articles_and_their_authors_and_categories(client):
    now = timezone.now()
    published = factories.article("Out now", categories=["Kefir"])
    factories.article("Draft", status=Article.Status.DRAFT, categories=["Drafts only"])
    factories.article("Later", publish_at=now + timedelta(days=1))
    factories.article("Old", status=Article.Status.ARCHIVED)

    assert set(urls_of(client, "articles")) == {published.get_absolute_url()}
    assert set(urls_of(client, "blog-categories")) == {"/blog/category/kefir/"}
    assert set(urls_of(client, "authors")) == {published.author.get_absolute_url()}
    assert urls_of(client, "articles")[published.get_absolute_url()] is not None


def test_the_fixed_pages_are_listed(client):
    factories.faq_entry("Where do you deliver?")

    pages = urls_of(client, "pages")

    assert {"/", "/catalogue/", "/blog/", "/faq/", "/delivery/"} == set(pages)
    assert pages["/faq/"] is not None


def test_an_unknown_section_is_not_found(client):
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_keeps_crawlers_to_the_shop_and_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert lines[0] == "User-agent: *"
    for private in ("/basket/", "/checkout/", "/accounts/", "/dashboard/", "/admin/"):
        assert f"Disallow: {private}" in lines
    assert "Disallow: /order-status/" in lines and "Disallow: /blog/preview/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the shop itself stays open


def test_a_long_section_is_split_into_pages_the_index_lists(client, monkeypatch):
    from shop.seo.sitemaps import ProductSitemap

    monkeypatch.setattr(ProductSitemap, "limit", 2)
    made = [factories.product(f"Kefir {n}", "3.49") for n in range(3)]

    index = xml(client, "/sitemap.xml")
    first = urls_of(client, "products")
    second = xml(client, "/sitemap-products.xml?p=2")

    listed = {item.find("sm:loc", NS).text for item in index.findall("sm:sitemap", NS)}
    assert any(loc.endswith("/sitemap-products.xml?p=2") for loc in listed)
    assert len(first) == 2 and len(second.findall("sm:url", NS)) == 1
    assert set(first) < {item.get_absolute_url() for item in made}
