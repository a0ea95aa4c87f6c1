"""The storefront pages: content from data, and query counts that do not grow."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop.storefront.models import StorePromise
from tests import factories

pytestmark = pytest.mark.django_db


def test_home_shows_both_product_lines_and_the_promise_strip(client):
    factories.catalogue(6)
    factories.delivery_methods()

    response = client.get(reverse("home"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "kēpos" in html and "Kefir" in html
    assert "Product 0" in html and "Product 1" in html
    for text in [
        "Live Chat 8am - 8pm",
        "FREE Next Day Delivery on orders over £25",
        "FREE lifetime support",
    ]:
        assert text in html


def test_promise_strip_follows_the_data_staff_edit(client):
    StorePromise.objects.filter(kind="other").update(text="FREE advice from our nutritionists")
    StorePromise.objects.filter(kind="chat").update(is_active=False)

    html = client.get(reverse("home")).content.decode()

    assert "FREE advice from our nutritionists" in html
    assert "FREE lifetime support" not in html
    assert "Live Chat 8am - 8pm" not in html


@pytest.mark.parametrize(
    "link",
    ["javascript:alert(1)", "//evil.example", "/\\evil.example", "https://evil.example", "/a b"],
)
def test_promise_links_must_stay_on_this_site(link):
    promise = StorePromise(kind="other", text="Bad", link=link)

    with pytest.raises(ValidationError, match="path on this site"):
        promise.full_clean()


@pytest.mark.parametrize("link", ["/delivery/", "/faq/#delivery", "/catalogue/?sort_by=price"])
def test_promise_links_may_point_anywhere_on_this_site(link):
    StorePromise(kind="other", text="Good", link=link).full_clean()


# Each page's URL and a generous ceiling (counted today: home 11, all products 12,
# category 13, product 26). Counts are taken on the second request: sorl-thumbnail
# caches each image's thumbnail record, and production's warm cache is what shoppers meet.
PAGE_QUERIES = {
    "home": (lambda data: reverse("home"), 15),
    "all products": (lambda data: reverse("catalogue:index"), 16),
    "category": (lambda data: data["kefir"].get_absolute_url(), 17),
    "product": (
        lambda data: next(p for p in data["products"] if p.is_parent).get_absolute_url(),
        32,
    ),
}


@pytest.mark.parametrize("page_name", PAGE_QUERIES)
def test_page_query_count_does_not_grow_with_the_catalogue(client, page_name, queries_do_not_grow):
    url_for, ceiling = PAGE_QUERIES[page_name]
    first: dict = {}

    def grow(size):
        made = factories.catalogue(size, start=len(first.get("products", [])))
        if not first:
            first.update(made)
        else:
            first["products"] += made["products"]

    grow(3)
    url = url_for(first)
    queries_do_not_grow(lambda: client.get(url), grow, ceiling=ceiling)


@pytest.mark.parametrize("url", ["/", "/basket/", "/blog/", "/faq/", "/delivery/"])
def test_each_landmark_on_a_page_has_its_own_name(client, url):
    """Screen-reader users jump between landmarks by name: two "Your account" navigation
    landmarks (the header's and the footer's) left them guessing (axe landmark-unique)."""
    factories.delivery_methods()
    html = client.get(url).content.decode()

    for tag in ("nav", "aside", "section"):
        names = re.findall(rf'<{tag}\b[^>]*\baria-label="([^"]+)"', html)
        assert len(names) == len(set(names)), f"{url}: {tag} landmarks named twice: {names}"
