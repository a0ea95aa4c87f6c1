"""JSON-LD on the store's pages, parsed and checked for what search engines require."""

from datetime import time

import pytest
from oscar.test.factories import ProductImageFactory, ProductReviewFactory

from shop.chat.models import OpeningHours
from shop.seo.jsonld import gtin
from tests import factories
from tests.pages import by_type, jsonld

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org"


@pytest.fixture
def shop():
    factories.delivery_methods()
    kefir = factories.category("Kefir > Milk kefir")
    item = factories.product("kēpos 30-day", "39.99", upc="5012345678900")
    sizes = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("3.49", {}), "1 litre": ("5.99", {})}, in_category=kefir
    )
    return {"item": item, "sizes": sizes, "category": kefir}


def test_every_key_page_has_only_well_formed_json_ld(client, shop):
    article = factories.article("Structured")
    factories.faq_entry("Where do you deliver?")
    pages = [
        "/",
        shop["category"].get_absolute_url(),
        shop["item"].get_absolute_url(),
        shop["sizes"].get_absolute_url(),
        article.get_absolute_url(),
        "/faq/",
    ]
    for url in pages:
        blocks = jsonld(client.get(url))  # json.loads fails the test on a broken block
        assert blocks, url
        assert all(block["@context"] == SCHEMA and block["@type"] for block in blocks), url


def test_the_home_page_describes_the_business_and_the_site(client):
    blocks = jsonld(client.get("/"))

    organisation = by_type(blocks, "Organization")
    assert organisation["name"] == "kēpos Ltd"
    assert organisation["url"] == "http://testserver/"
    assert organisation["logo"].startswith("http://testserver/static/shop/img/logo")
    site = by_type(blocks, "WebSite")
    assert site["url"] == "http://testserver/"
    assert site["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/search/?q={search_term_string}"
    )
    assert site["potentialAction"]["query-input"] == "required name=search_term_string"


def test_the_contact_point_gives_the_chat_hours_staff_set(client):
    OpeningHours.objects.filter(weekday=6).delete()  # closed on Sundays
    OpeningHours.objects.filter(weekday=0).update(opens=time(9, 0), closes=time(17, 30))

    organisation = by_type(jsonld(client.get("/")), "Organization")

    (contact,) = organisation["contactPoint"]
    assert contact["contactType"] == "customer support"
    hours = {
        h["dayOfWeek"].rsplit("/", 1)[1]: (h["opens"], h["closes"])
        for h in contact["hoursAvailable"]
    }
    assert hours["Monday"] == ("09:00", "17:30")
    assert hours["Tuesday"] == ("08:00", "20:00")
    assert "Sunday" not in hours


def test_category_pages_have_breadcrumbs(client, shop):
    crumbs = by_type(jsonld(client.get(shop["category"].get_absolute_url())), "BreadcrumbList")

    assert [(i["position"], i["name"]) for i in crumbs["itemListElement"]] == [
        (1, "Home"),
        (2, "Kefir"),
        (3, "Milk kefir"),
    ]
    assert crumbs["itemListElement"][2]["item"] == (
        "http://testserver" + shop["category"].get_absolute_url()
    )


def test_a_product_has_its_offer_brand_identifiers_and_delivery(client, shop):
    item = shop["item"]
    ProductImageFactory(product=item)

    blocks = jsonld(client.get(item.get_absolute_url()))

    product = by_type(blocks, "Product")
    assert product["name"] == "kēpos 30-day"
    assert product["brand"] == {"@type": "Brand", "name": "kēpos"}
    assert product["image"][0].startswith("http://testserver/media/")
    assert product["gtin"] == "5012345678900"
    assert product["sku"]
    offer = product["offers"]
    assert offer["price"] == "39.99" and offer["priceCurrency"] == "GBP"
    assert offer["availability"] == f"{SCHEMA}/InStock"
    delivery = {d["name"]: d for d in offer["shippingDetails"]}
    assert delivery["Next Day"]["shippingRate"] == {
        "@type": "MonetaryAmount",
        "value": "0.00",  # £39.99 is over the £25 free-delivery threshold
        "currency": "GBP",
    }
    assert delivery["Next Day"]["shippingDestination"]["addressCountry"] == "GB"
    assert delivery["Next Day"]["deliveryTime"]["transitTime"]["maxValue"] == 1
    assert delivery["Next Day"]["deliveryTime"]["cutoffTime"].startswith("14:00:00+")
    assert "aggregateRating" not in product
    crumbs = by_type(blocks, "BreadcrumbList")
    assert crumbs["itemListElement"][-1]["name"] == "kēpos 30-day"


def test_each_size_is_an_offer_priced_and_shipped_as_sold(client, shop):
    product = by_type(jsonld(client.get(shop["sizes"].get_absolute_url())), "Product")

    offers = {offer["name"]: offer for offer in product["offers"]}
    assert {name: offer["price"] for name, offer in offers.items()} == {
        "Goat's Milk Kefir, 500 ml": "3.49",
        "Goat's Milk Kefir, 1 litre": "5.99",
    }
    assert all(offer["sku"] for offer in offers.values())
    small = offers["Goat's Milk Kefir, 500 ml"]
    rates = {d["name"]: d["shippingRate"]["value"] for d in small["shippingDetails"]}
    assert rates == {"Next Day": "4.99", "Standard": "2.99"}  # under the threshold


def test_an_unavailable_product_is_out_of_stock(client):
    item = factories.product("Sold out", "9.99", num_in_stock=0)

    product = by_type(jsonld(client.get(item.get_absolute_url())), "Product")

    assert product["offers"]["availability"] == f"{SCHEMA}/OutOfStock"


def test_approved_verified_reviews_give_an_aggregate_rating(client, shop):
    item = shop["item"]
    verified = {"status": 1, "verified_purchase": True}
    ProductReviewFactory(product=item, score=5, title="Great", body="Great.", **verified)
    ProductReviewFactory(product=item, score=4, title="Good", body="Good.", **verified)
    ProductReviewFactory(product=item, score=1, status=0, title="Pending", body="Not yet.")
    ProductReviewFactory(product=item, score=1, status=1, title="Unverified", body="Old.")

    product = by_type(jsonld(client.get(item.get_absolute_url())), "Product")

    assert product["aggregateRating"]["ratingValue"] == "4.5"
    assert product["aggregateRating"]["reviewCount"] == 2


def test_a_script_tag_in_a_product_name_cannot_break_out(client):
    item = factories.product("</script><script>alert(1)</script>", "9.99")

    response = client.get(item.get_absolute_url())

    assert "<script>alert(1)" not in response.content.decode()
    assert by_type(jsonld(response), "Product")["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("5012345678900", True),
        ("5012345678901", False),  # wrong check digit
        ("96385074", True),  # GTIN-8
        ("036000291452", True),  # GTIN-12
        ("KEPOS-30", False),
        ("", False),
    ],
)
def test_only_real_gtins_are_claimed(code, valid):
    assert (gtin(code) == code) is valid
