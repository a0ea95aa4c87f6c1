"""Browsing from the database: public products only, paginated and sortable."""

import pytest
from django.test import override_settings
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [p.get_title() for p in response.context["products"]]


def test_all_products_lists_public_browsable_products_only(client):
    factories.product("Visible", "5.00")
    factories.product("Hidden", "5.00", is_public=False)
    kefir = factories.parent_with_sizes("Kefir", {"500 ml": ("4.49", {})})

    response = client.get(reverse("catalogue:index"))

    assert sorted(titles(response)) == ["Kefir", "Visible"]
    assert factories.child_of(kefir, "500 ml").title not in response.content.decode()


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("price-asc", ["Kefir", "Cheap", "Dear"]),
        ("price-desc", ["Dear", "Cheap", "Kefir"]),
        ("name", ["Cheap", "Dear", "Kefir"]),
        ("newest", ["Kefir", "Dear", "Cheap"]),
    ],
)
def test_listing_sorts_by_price_name_and_newest(client, sort, expected):
    factories.product("Cheap", "5.00")
    factories.product("Dear", "50.00")
    factories.parent_with_sizes("Kefir", {"500 ml": ("4.49", {}), "1 litre": ("70.00", {})})

    response = client.get(reverse("catalogue:index"), {"sort_by": sort})

    assert titles(response) == expected


def test_featured_order_follows_staff_priority(client):
    factories.product("Low", "5.00", priority=1)
    factories.product("High", "5.00", priority=9)

    assert titles(client.get(reverse("catalogue:index"))) == ["High", "Low"]


def test_an_unknown_sort_falls_back_to_featured(client):
    factories.product("Only", "5.00")

    response = client.get(reverse("catalogue:index"), {"sort_by": "'; DROP TABLE x; --"})

    assert response.status_code == 200
    assert titles(response) == ["Only"]


@override_settings(OSCAR_PRODUCTS_PER_PAGE=2)
def test_listing_is_paginated_and_a_bad_page_goes_back_to_page_one(client):
    for number in range(5):
        factories.product(f"Product {number}", "5.00")

    page_3 = client.get(reverse("catalogue:index"), {"page": 3})
    too_far = client.get(reverse("catalogue:index"), {"page": 9})
    nonsense = client.get(reverse("catalogue:index"), {"page": "abc"})

    assert len(titles(page_3)) == 1
    assert too_far.status_code == 302 and too_far["Location"] == reverse("catalogue:index")
    assert nonsense.status_code == 302


def test_category_lists_its_own_and_its_descendants_products(client):
    kefir = factories.category("Kefir")
    drinks = factories.category("Kefir > Drinks")
    kepos = factories.category("kēpos")
    factories.product("In kefir", "5.00", in_category=kefir)
    factories.product("In drinks", "5.00", in_category=drinks)
    factories.product("In kepos", "5.00", in_category=kepos)

    assert sorted(titles(client.get(kefir.get_absolute_url()))) == ["In drinks", "In kefir"]
    assert titles(client.get(drinks.get_absolute_url())) == ["In drinks"]


def test_a_renamed_category_slug_redirects(client):
    drinks = factories.category("Kefir > Drinks")
    url = reverse("catalogue:category", kwargs={"category_slug": "old-name", "pk": drinks.pk})

    response = client.get(url)

    assert response.status_code == 301
    assert response["Location"] == drinks.get_absolute_url()


def test_a_hidden_category_is_404_for_shoppers(client):
    secret = factories.category("Secret")
    secret.is_public = False
    secret.save()

    assert client.get(secret.get_absolute_url()).status_code == 404
