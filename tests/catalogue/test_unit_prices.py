"""Unit prices (Price Marking Order 2004): per kg or litre beside every price a shopper sees."""

import re
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from oscar.core.loading import get_model

from shop.catalogue.unit_price import unit_price
from tests import factories

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")


def test_unit_price_of_a_drink_is_per_litre_to_the_penny():
    assert str(unit_price(D("4.49"), D("500"), "ml")) == "£8.98 per litre"
    assert unit_price(D("18.99"), D("3000"), "ml").amount == D("6.33")


def test_unit_price_of_goods_sold_by_weight_is_per_kilogram():
    each = unit_price(D("14.99"), D("15"), "g")

    assert (each.amount, each.unit) == (D("999.33"), "kg")


def test_unit_price_rounds_a_half_penny_up():
    # £3.33 for 400 g is £8.325 a kg: half up gives £8.33 (banker's rounding £8.32).
    assert unit_price(D("3.33"), D("400"), "g").amount == D("8.33")
    assert unit_price(D("3.33"), D("400.001"), "g").amount == D("8.32")


def test_goods_sold_by_number_or_of_unknown_size_have_no_unit_price():
    assert unit_price(D("39.99"), None, "") is None
    assert unit_price(D("39.99"), D("60"), "") is None
    assert unit_price(D("39.99"), D("0"), "g") is None
    assert unit_price(None, D("500"), "ml") is None


@pytest.mark.django_db
def test_a_pack_measure_without_a_size_is_refused_with_a_clear_message():
    item = factories.product("Kefir powder", "9.99")
    item.pack_measure = "g"

    with pytest.raises(ValidationError) as refused:
        item.full_clean()

    assert "net weight or volume" in str(refused.value.message_dict["pack_size"])


@pytest.mark.django_db
def test_a_pack_size_without_its_measure_is_refused():
    item = factories.product("Kefir powder", "9.99")
    item.pack_size = D("150")

    with pytest.raises(ValidationError) as refused:
        item.full_clean()

    assert "pack_measure" in refused.value.message_dict


def drinks():
    return factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
        in_category=factories.category("Kefir > Drinks"),
    )


def powder():
    return factories.product(
        "Prebiotic powder",
        "16.99",
        in_category=factories.category("Kefir > Drinks"),
        pack_size=D("150"),
        pack_measure="g",
    )


@pytest.mark.django_db
def test_product_page_shows_the_unit_price_of_each_size_and_of_the_from_price(client):
    html = client.get(drinks().get_absolute_url()).content.decode()

    assert '<p class="unit-price">£8.98 per litre</p>' in html  # beside "From £4.49"
    assert "500 ml – £4.49 (£8.98 per litre)" in html  # the size picker
    assert "1 litre – £7.99 (£7.99 per litre)" in html


@pytest.mark.django_db
def test_product_page_of_goods_sold_by_weight_shows_a_price_per_kg(client):
    html = client.get(powder().get_absolute_url()).content.decode()

    assert "£113.27 per kg" in html


@pytest.mark.django_db
def test_goods_sold_by_number_show_no_unit_price(client):
    capsules = factories.product("kēpos 60 capsules", "39.99")

    html = client.get(capsules.get_absolute_url()).content.decode()

    assert "unit-price" not in html
    assert " per kg" not in html and " per litre" not in html


@pytest.mark.django_db
def test_product_cards_show_unit_prices_for_the_from_price_and_stand_alone_goods(client):
    drinks(), powder()

    html = client.get(reverse("catalogue:index")).content.decode()

    assert "£8.98 per litre" in html
    assert "£113.27 per kg" in html


@pytest.mark.django_db
def test_subscription_price_carries_its_own_unit_price(client):
    from shop.subscriptions.models import SubscriptionOffer

    item = powder()
    SubscriptionOffer.objects.create(product=item, weeks="4, 8", default_weeks=4, saving_percent=10)

    html = client.get(item.get_absolute_url()).content.decode()

    # 10% off £16.99 is £15.29 a delivery: £101.93 a kg.
    assert "£15.29 (£101.93 per kg) per delivery" in html


def add_to_basket(client, item, quantity=1):
    factories.delivery_methods()
    response = client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": quantity})
    assert response.status_code == 302


@pytest.mark.django_db
def test_basket_line_shows_its_unit_price(client):
    add_to_basket(client, powder(), quantity=2)

    html = client.get(reverse("basket:summary")).content.decode()

    assert '<p class="unit-price small text-muted mb-1">£113.27 per kg</p>' in html


@pytest.mark.django_db
def test_basket_unit_price_is_at_the_offer_price_the_shopper_pays(client):
    litre = factories.product(
        "Kefir, 1 litre",
        "8.00",
        klass=factories.milk_kefir_class(),
        pack_size=D("1000"),
        pack_measure="ml",
    )
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    ConditionalOffer.objects.create(
        name="A quarter off",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=D("25")),
    )
    add_to_basket(client, litre, quantity=2)

    html = client.get(reverse("basket:summary")).content.decode()

    assert "£6.00 per litre" in html  # £16.00 less 25% for 2 litres
    assert "£8.00 per litre" not in html


@pytest.mark.django_db
def test_the_size_picker_is_labelled_size_not_variant(client):
    html = client.get(drinks().get_absolute_url()).content.decode()

    label = re.search(r'<label[^>]*for="id_child_id"[^>]*>(.*?)</label>', html, re.S)
    assert label and label.group(1).strip().startswith("Size"), label
    assert "Variant" not in html
