"""The delivery rules where shoppers decide: strip, basket, product page, checkout."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEDNESDAY_MORNING = datetime(2026, 11, 25, 10, 48, tzinfo=LONDON)
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


def add(client, item, quantity=1):
    return client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": quantity})


@pytest.fixture
def grains():
    factories.delivery_methods()
    return factories.product(
        "Live Milk Kefir Grains",
        "14.99",
        klass=factories.product_class("Kefir culture", "0", "food"),
        no_weekend_transit=True,
    )


def test_the_strip_quotes_the_headline_offer(client, grains):
    assert "FREE Next Day Delivery on orders over £25" in text_of(client.get(reverse("home")))


def test_without_a_headline_offer_the_strip_promises_nothing_about_delivery(client):
    html = text_of(client.get(reverse("home")))

    assert "Delivery on orders over" not in html
    assert "FREE lifetime support" in html


def test_the_basket_says_how_much_more_to_spend_with_an_accessible_progress_bar(client, grains):
    add(client, grains)

    response = client.get(reverse("basket:summary"))

    assert "Spend £10.01 more for FREE Next Day delivery." in text_of(response)
    html = response.content.decode()
    # A native <progress> is a progressbar to assistive technology.
    assert '<progress class="free-delivery__bar" max="100" value="59"' in html
    assert 'aria-valuetext="£14.99 of £25.00"' in html


def test_reaching_the_threshold_unlocks_free_delivery_everywhere(client, grains):
    add(client, grains, quantity=2)  # £29.98

    response = client.get(reverse("basket:summary"))

    text = text_of(response)
    assert "You've unlocked FREE Next Day delivery." in text
    assert 'max="100" value="100"' in response.content.decode()
    assert "Delivery: Next Day FREE" in text and "£0.00" not in text


def test_a_voucher_that_drops_the_basket_below_the_threshold_brings_the_charge_back(client, grains):
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    offer = ConditionalOffer.objects.create(
        name="£6 off",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.FIXED, value=6),
    )
    voucher = Voucher.objects.create(
        name="Six off",
        code="SIX",
        start_datetime="2020-01-01T00:00Z",
        end_datetime="2099-01-01T00:00Z",
    )
    voucher.offers.add(offer)
    add(client, grains, quantity=2)  # £29.98 -> £23.98 with the voucher

    client.post(reverse("basket:vouchers-add"), {"code": "SIX"})
    text = text_of(client.get(reverse("basket:summary")))

    assert "Spend £1.02 more for FREE Next Day delivery." in text
    assert re.search(r"Next Day £4\.99", text)


@time_machine.travel(WEDNESDAY_MORNING, tick=False)
def test_product_page_counts_down_to_the_cutoff_and_dates_the_delivery(client, grains):
    text = text_of(client.get(grains.get_absolute_url()))

    assert "Order within 3h 12m for dispatch today." in text
    assert "Next Day delivery to the UK mainland: arrives Thursday 26 November." in text


@time_machine.travel(datetime(2026, 11, 27, 9, 0, tzinfo=LONDON), tick=False)
def test_live_goods_on_a_friday_wait_for_monday(client, grains):
    text = text_of(client.get(grains.get_absolute_url()))

    assert "Order now for dispatch on Monday 30 November." in text
    assert "arrives Tuesday 1 December" in text


@time_machine.travel(WEDNESDAY_MORNING, tick=False)
def test_the_basket_shows_the_dispatch_countdown(client, grains):
    add(client, grains)

    assert "Order within 3h 12m for dispatch today." in text_of(
        client.get(reverse("basket:summary"))
    )


def test_basket_query_count_does_not_grow_with_lines(client, queries_do_not_grow):
    factories.delivery_methods()
    parent = factories.parent_with_sizes("Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})})
    add(client, factories.child_of(parent, "1 litre"))
    made = []

    def grow(lines):
        for number in range(len(made), lines):
            item = factories.product(f"Item {number}", "3.00", no_weekend_transit=number % 2 == 0)
            factories.product_image(item)
            add(client, item)
            made.append(item)

    # 16 today
    url = reverse("basket:summary")
    queries_do_not_grow(lambda: client.get(url), grow, ceiling=20, sizes=(1, 12))


def test_the_delivery_page_lists_the_rules(client, grains):
    text = text_of(client.get(reverse("delivery:information")))

    assert "FREE Next Day delivery on orders of £25.00 or more." in text
    assert "Next Day Tracked courier" in text
    assert "Highlands & Islands (+£3.00)" in text
    assert "Next Day delivery costs £4.99, FREE on orders of £25 or more" in text
    assert "Orders placed before 2pm UK time on a working day leave the same day" in text


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("iv2 3ab", "IV2 3AB is in the Highlands & Islands delivery area. Standard: £5.99"),
        ("BT7 1NN", "BT7 1NN is in the Northern Ireland delivery area. Standard: £5.99"),
        ("SW1A 1AA", "Next Day: £4.99; on orders of £25.00 or more: FREE"),
        ("JE2 3AB", "We can't deliver to Jersey: the Channel Islands are outside the UK VAT area."),
        ("12345", "Enter a full UK postcode, like SW1A 1AA."),
    ],
)
def test_the_postcode_checker(client, grains, postcode, expected):
    response = client.get(reverse("delivery:information"), {"postcode": postcode})

    assert expected in text_of(response)


def test_checkout_lists_each_method_with_its_price_and_date(client, grains):
    factories.sign_in(client, UserFactory())
    add(client, grains, quantity=2)
    client.post(
        reverse("checkout:shipping-address"),
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "line1": "1 Orchard Row",
            "line4": "Bristol",
            "postcode": "BS1 4XY",
            "country": "GB",
            "phone_number": "",
        },
    )
    with time_machine.travel(WEDNESDAY_MORNING, tick=False):
        text = text_of(client.get(reverse("checkout:shipping-method")))

    assert re.search(
        r"Next Day .*Arrives Thursday 26 November, if you order within 3h 12m\. FREE", text
    )
    # Live grains: Standard's 2-3 days from Wednesday would end on Monday, so it waits.
    assert re.search(r"Standard .*Arrives Wednesday 2 December to Thursday 3 December\. FREE", text)


def test_a_highlands_address_sees_its_only_method_its_surcharge_and_why_next_day_is_missing(
    client,
):
    from tests.checkout_steps import add_to_basket, give_address, start_as_guest

    factories.delivery_methods()
    add_to_basket(client, factories.product("Kefir grains", "14.99"))
    start_as_guest(client)

    response = give_address(client, postcode="IV51 9AA")
    page = client.get(response.url)

    text = text_of(page)
    assert page.status_code == 200  # not skipped to payment with Standard chosen silently
    assert "Next Day doesn't reach Highlands & Islands postcodes such as IV51 9AA" in text
    assert "Standard does" in text
    assert re.search(r"£\d+\.\d\d includes £3\.00 Highlands & Islands surcharge", text)


def test_a_jersey_postcode_is_refused_once_beside_the_field(client):
    from tests.checkout_steps import add_to_basket, give_address, start_as_guest

    factories.delivery_methods()
    add_to_basket(client, factories.product("Kefir grains", "14.99"))
    start_as_guest(client)

    text = text_of(give_address(client, postcode="JE2 3AB"))

    assert "We can't deliver to Jersey" in text
    assert "require a valid postcode" not in text


def test_a_highlands_address_posting_next_day_is_told_why_it_is_not_offered(client):
    from tests.checkout_steps import add_to_basket, choose_method, give_address, start_as_guest

    factories.delivery_methods()
    add_to_basket(client, factories.product("Kefir grains", "14.99"))
    start_as_guest(client)
    give_address(client, postcode="IV51 9AA")

    response = choose_method(client, code="next-day")  # a page left open from before

    text = text_of(response)
    assert response.status_code == 200
    assert "Next Day doesn't reach Highlands & Islands postcodes such as IV51 9AA" in text
