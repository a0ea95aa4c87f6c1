"""Canonical URLs and Open Graph / Twitter cards on every storefront page."""

import pytest
from oscar.test.factories import ProductImageFactory

from tests import factories
from tests.pages import canonical, meta

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    factories.delivery_methods()
    kefir = factories.category("Kefir")
    item = factories.product("kēpos 30-day", "39.99", in_category=kefir)
    article = factories.article("Why kefir fizzes")
    factories.faq_entry("Where do you deliver?")
    return {
        "home": "/",
        "all products": "/catalogue/",
        "category": kefir.get_absolute_url(),
        "product": item.get_absolute_url(),
        "blog": "/blog/",
        "article": article.get_absolute_url(),
        "faq": "/faq/",
        "delivery": "/delivery/",
        "basket": "/basket/",
    }


@pytest.mark.parametrize(
    "name",
    ["home", "all products", "category", "product", "blog", "article", "faq", "delivery", "basket"],
)
def test_every_page_has_a_canonical_url_and_a_link_preview(client, pages, name):
    url = pages[name]
    response = client.get(url)

    page = response.content.decode()
    assert page.count('rel="canonical"') == 1
    assert canonical(response) == f"http://testserver{url}"
    assert meta(response, "og:url") == canonical(response)
    assert meta(response, "og:title") and meta(response, "twitter:title")
    assert meta(response, "og:description") == meta(response, "description")
    assert meta(response, "og:description")
    assert meta(response, "og:image").startswith("http://testserver/")
    assert meta(response, "og:site_name") == "kēpos"
    assert meta(response, "twitter:card") == "summary_large_image"


def test_the_canonical_url_keeps_only_the_page_number(client):
    for n in range(25):
        factories.product(f"Product {n}", "1.00")

    assert canonical(client.get("/catalogue/?sort_by=price-asc&utm_source=x")) == (
        "http://testserver/catalogue/"
    )
    assert canonical(client.get("/catalogue/?page=2&sort_by=price-asc")) == (
        "http://testserver/catalogue/?page=2"
    )
    assert canonical(client.get("/catalogue/?page=1")) == "http://testserver/catalogue/"


def test_a_product_preview_uses_its_own_title_and_picture(client):
    item = factories.product(
        "kēpos 30-day", "39.99", description="<p>Two capsules.</p><p>Daily.</p>"
    )
    ProductImageFactory(product=item)

    response = client.get(item.get_absolute_url())

    assert meta(response, "og:type") == "product"
    assert meta(response, "og:title") == "kēpos 30-day"
    assert meta(response, "og:description") == "Two capsules. Daily."
    assert "/media/" in meta(response, "og:image")


def test_an_article_preview_is_an_article(client):
    article = factories.article("Why kefir fizzes", seo_title="Kefir fizz, explained")

    response = client.get(article.get_absolute_url())

    assert meta(response, "og:type") == "article"
    assert meta(response, "og:title") == "Kefir fizz, explained"
    assert meta(response, "og:image").endswith("og-default.png")


def test_text_in_meta_tags_is_escaped_once(client):
    item = factories.product(
        'Milk & "honey" <kefir>', "9.99", description="<p>Milk &amp; honey</p>"
    )

    response = client.get(item.get_absolute_url())

    page = response.content.decode()
    assert '<meta property="og:title" content="Milk &amp; &quot;honey&quot; &lt;kefir&gt;">' in page
    assert meta(response, "description") == "Milk & honey"
