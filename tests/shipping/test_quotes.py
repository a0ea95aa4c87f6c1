"""One module prices delivery, so a per-item charge shows wherever a price does.

A Manager who adds "price per item" to a method sees it charged at checkout,
printed on /delivery/ and in its answers and postcode checker, quoted by FAQ
answers, and in each product's JSON-LD shipping rate. Nothing but
shop/shipping/quotes.py reads the price fields.
"""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.faq.models import FAQCategory, FAQEntry
from shop.shipping import quotes
from shop.shipping.postcodes import DeliveryZone
from tests import checkout_steps as steps
from tests import factories
from tests.pages import by_type, jsonld, text_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def per_item():
    """Next Day: £2.99 per order + £0.50 per item, FREE from £25; £4 to the Highlands."""
    methods = factories.delivery_methods()
    next_day = methods["Next Day"]
    next_day.price_per_order = Decimal("2.99")
    next_day.price_per_item = Decimal("0.50")
    next_day.serves_highlands_islands = True
    next_day.highlands_islands_surcharge = Decimal("4.00")
    next_day.save()
    return next_day


def test_a_quote_adds_the_per_item_charge_until_delivery_is_free(per_item):
    three = quotes.for_goods(per_item, goods_total=Decimal("12.00"), items=3)
    free = quotes.for_goods(per_item, goods_total=Decimal("25.00"), items=3)
    far = quotes.for_goods(
        per_item, goods_total=Decimal("25.00"), items=3, zone=DeliveryZone.HIGHLANDS_ISLANDS
    )

    assert (three.charge, three.free, three.left_to_free) == (Decimal("4.49"), False, 13)
    assert (free.charge, free.free, free.left_to_free) == (Decimal("0.00"), True, 0)
    assert (far.charge, far.surcharge) == (Decimal("4.00"), Decimal("4.00"))  # surcharge stays
    assert quotes.tariff(per_item).price_words == "£2.99 + £0.50 per item"


def test_checkout_charges_what_the_quote_says(client, per_item):
    item = factories.product("Kefir", "3.00")
    steps.add_to_basket(client, item, 3)
    steps.start_as_guest(client, "ada@example.com")
    steps.give_address(client)
    steps.choose_method(client)
    steps.place_order(client)

    assert Order.objects.get().shipping_incl_tax == Decimal("4.49")


def test_the_delivery_page_its_answers_and_the_postcode_checker_show_it(client, per_item):
    page = text_of(client.get(reverse("delivery:information")))
    checked = text_of(client.get(reverse("delivery:information"), {"postcode": "IV2 3AB"}))

    assert "£2.99 + £0.50 per item" in page
    assert "Next Day delivery costs £2.99 + £0.50 per item" in page
    assert "Next Day: £6.99 + £0.50 per item" in checked  # with the Highlands surcharge


def test_faq_answers_quote_it(client, per_item):
    category = FAQCategory.objects.create(name="Delivery", slug="delivery")
    FAQEntry.objects.create(
        category=category,
        question="How much is delivery?",
        slug="cost",
        answer="<p>{method} costs {charge}, FREE from {threshold}.</p>",
    )

    assert "Next Day costs £2.99 + £0.50 per item, FREE from £25." in text_of(
        client.get(reverse("faq:index"))
    )


def test_product_json_ld_ships_one_item_at_the_quoted_rate(client, per_item):
    item = factories.product("Kefir", "3.00")

    product = by_type(jsonld(client.get(item.get_absolute_url())), "Product")
    rates = {d["name"]: d["shippingRate"]["value"] for d in product["offers"]["shippingDetails"]}

    assert rates["Next Day"] == "3.49"


PRICE_FIELDS = re.compile(
    r"price_per_order|price_per_item|free_shipping_threshold|"
    r"highlands_islands_surcharge|northern_ireland_surcharge"
)
# Where the fields are defined, validated, edited or seeded; quotes.py reads them.
ALLOWED = {
    "shop/shipping/quotes.py",
    "shop/shipping/models.py",
    "shop/dashboard/shipping/forms.py",
    "shop/demo/catalogue_data.py",
}


def test_nothing_but_the_quotes_module_reads_the_price_fields():
    readers = sorted(
        str(path.relative_to(ROOT))
        for folder in ("shop", "blog", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt"}
        and "migrations" not in path.parts
        and str(path.relative_to(ROOT)) not in ALLOWED
        and PRICE_FIELDS.search(path.read_text())
    )

    assert readers == []
