"""VAT: prices are VAT-inclusive; the rate comes from the product's class."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st
from oscar.core.loading import get_class, get_model

from shop.core.vat import split_vat
from shop.partner.strategy import UKStrategy
from tests import factories

pytestmark = pytest.mark.django_db

Selector = get_class("partner.strategy", "Selector")
Basket = get_model("basket", "Basket")


def test_vat_fraction_rounds_the_tax_to_the_nearest_penny():
    # 39.99 x 20/120 = 6.665 -> 6.67; the net is what remains.
    assert split_vat(D("39.99"), D("20")) == (D("33.32"), D("6.67"))
    assert split_vat(D("4.49"), D("0")) == (D("4.49"), D("0.00"))
    assert split_vat(D("10.00"), D("5")) == (D("9.52"), D("0.48"))


@given(
    gross=st.decimals(min_value=D("0.01"), max_value=D("99999.99"), places=2),
    rate=st.sampled_from([D("0"), D("5"), D("12.5"), D("17.5"), D("20")]),
)
def test_net_plus_vat_is_always_the_price_staff_entered(gross, rate):
    net, tax = split_vat(gross, rate)
    assert net + tax == gross
    assert tax >= 0
    assert tax == tax.quantize(D("0.01"))


def test_the_selector_gives_every_shopper_the_uk_strategy():
    assert isinstance(Selector().strategy(), UKStrategy)


def test_a_product_is_taxed_at_its_class_rate():
    water_kefir = factories.product_class("Water kefir drink", "20", "drink")
    item = factories.product("Water kefir", "3.49", klass=water_kefir)

    price = UKStrategy().fetch_for_product(item).price

    assert price.incl_tax == D("3.49")
    assert price.tax == D("0.58")
    assert price.excl_tax == D("2.91")
    assert price.tax_code == "20"


def test_a_child_product_is_taxed_at_its_parents_class_rate():
    parent = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})}
    )
    child = factories.child_of(parent, "1 litre")

    price = UKStrategy().fetch_for_product(child).price

    assert (price.incl_tax, price.tax, price.tax_code) == (D("7.99"), D("0.00"), "0")


def test_a_parent_shows_its_cheapest_size():
    parent = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"1 litre": ("7.99", {}), "500 ml": ("4.49", {})}
    )

    price = UKStrategy().fetch_for_parent(parent).price

    assert price.incl_tax == D("4.49")


def test_mixed_rate_basket_totals_are_right_to_the_penny():
    supplement = factories.product("kēpos 30-day", "39.99")
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})}
    )
    basket = Basket.objects.create()
    basket.strategy = UKStrategy()
    basket.add_product(supplement, quantity=2)
    basket.add_product(factories.child_of(kefir, "500 ml"), quantity=3)

    # 2 x 39.99 at 20% (VAT 6.67 each) + 3 x 4.49 at 0%
    assert basket.total_incl_tax == D("93.45")
    assert basket.total_tax == D("13.34")
    assert basket.total_excl_tax == D("80.11")
