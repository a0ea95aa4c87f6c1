"""UK food information on product pages, and safe rendering of staff copy."""

import pytest
from django.urls import reverse

from shop.catalogue.food import emphasise_allergens
from tests import factories

pytestmark = pytest.mark.django_db


def test_allergens_are_emphasised_longest_phrase_first_and_case_insensitively():
    html = emphasise_allergens("Pasteurised Goat's milk, milk powder.", ("milk", "goat's milk"))

    assert html == "Pasteurised <strong>Goat&#x27;s milk</strong>, <strong>milk</strong> powder."


def test_allergens_match_whole_words_only():
    assert emphasise_allergens("Buttermilk, milkshake", ("milk",)) == "Buttermilk, milkshake"


def test_ingredients_are_escaped_before_emphasis():
    html = emphasise_allergens("<script>alert(1)</script> milk", ("milk",))

    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<strong>milk</strong>" in html


def test_drink_page_shows_food_information_and_a_price_per_litre_for_each_size(client):
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
        attributes={
            "ingredients": "Pasteurised goat's milk, live kefir cultures.",
            "allergens": "goat's milk",
            "storage": "Keep refrigerated at 0-5 °C.",
            "shelf_life": "At least 45 days.",
        },
    )

    html = client.get(kefir.get_absolute_url()).content.decode()

    assert "Pasteurised <strong>goat&#x27;s milk</strong>, live kefir cultures." in html
    assert "Keep refrigerated at 0-5 °C." in html
    assert "At least 45 days." in html
    assert "£8.98 per litre" in html
    assert "£7.99 per litre" in html
    assert "kēpos Ltd" in html and "Bristol" in html  # the food business operator


def test_supplement_page_shows_the_statutory_statements_and_daily_dose(client):
    item = factories.product(
        "kēpos 30-day",
        "39.99",
        attributes={"daily_dose": "2 capsules a day.", "net_quantity": "60 capsules"},
    )

    html = client.get(item.get_absolute_url()).content.decode()

    assert "2 capsules a day." in html
    assert "60 capsules" in html
    assert "Do not exceed the recommended daily dose." in html
    assert "Food supplements should not be used as a substitute for a varied diet." in html
    assert "Keep out of reach of children." in html


def test_equipment_has_no_food_information(client):
    kit = factories.product_class("Kit or equipment", "20", "")
    item = factories.product("Fermenting jar", "12.00", klass=kit)

    html = client.get(item.get_absolute_url()).content.decode()

    assert "Food information" not in html
    assert "Keep out of reach of children." not in html


def test_product_description_is_sanitised(client):
    item = factories.product(
        "Tampered",
        "5.00",
        description="<p>Fine <strong>copy</strong></p><script>alert(1)</script>"
        '<a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)>',
    )

    html = client.get(item.get_absolute_url()).content.decode()

    assert "<p>Fine <strong>copy</strong></p>" in html
    assert "alert(1)" not in html
    assert "javascript:" not in html
    assert "onerror" not in html


def test_a_size_has_no_page_of_its_own(client):
    kefir = factories.parent_with_sizes("Kefir", {"500 ml": ("4.49", {})})
    child = factories.child_of(kefir, "500 ml")

    response = client.get(child.get_absolute_url())

    assert response.status_code == 301
    assert response["Location"] == kefir.get_absolute_url()


def test_hidden_products_are_404_for_shoppers(client):
    item = factories.product("Secret", "5.00", is_public=False)

    assert client.get(item.get_absolute_url()).status_code == 404


def test_variant_picker_names_each_size_with_its_price(client):
    kefir = factories.parent_with_sizes("Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})})

    html = client.get(kefir.get_absolute_url()).content.decode()

    assert "500 ml – £4.49" in html
    assert "1 litre – £7.99" in html
    assert reverse("basket:add", kwargs={"pk": kefir.pk}) in html
