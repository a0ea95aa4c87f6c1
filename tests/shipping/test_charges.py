"""Delivery charges: the free threshold, zones, VAT apportioned to the goods."""

from decimal import Decimal as D

import pytest
from django.contrib.auth.models import AnonymousUser
from oscar.apps.offer.applicator import Applicator
from oscar.core.loading import get_model
from oscar.test.factories import UserAddressFactory

from shop.core.vat import VATPortion, apportion
from shop.shipping.repository import Repository
from tests import factories

pytestmark = pytest.mark.django_db

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


def kefir(price):
    return factories.product(f"Kefir at {price}", price, klass=factories.milk_kefir_class())


@pytest.mark.parametrize(
    ("total", "charge"),
    [("24.99", D("4.99")), ("25.00", D("0.00")), ("25.01", D("0.00"))],
)
def test_next_day_is_free_from_25_pounds_exactly(total, charge):
    next_day = factories.delivery_methods()["Next Day"]
    basket = factories.basket_with((kefir(total), 1))

    assert next_day.calculate(basket).incl_tax == charge


def test_a_voucher_that_takes_the_basket_below_the_threshold_loses_free_delivery():
    next_day = factories.delivery_methods()["Next Day"]
    basket = factories.basket_with((kefir("26.00"), 1))
    assert next_day.calculate(basket).incl_tax == D("0.00")

    everything = Range.objects.create(name="Everything", includes_all_products=True)
    offer = ConditionalOffer.objects.create(
        name="£5 off",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.FIXED, value=D("5.00")),
    )
    voucher = Voucher.objects.create(
        name="Five off",
        code="FIVE",
        start_datetime="2020-01-01T00:00Z",
        end_datetime="2099-01-01T00:00Z",
    )
    voucher.offers.add(offer)
    basket.vouchers.add(voucher)
    Applicator().apply(basket, AnonymousUser())

    assert basket.total_incl_tax == D("21.00")
    assert next_day.calculate(basket).incl_tax == D("4.99")


def test_the_threshold_counts_mixed_rate_goods_with_vat():
    next_day = factories.delivery_methods()["Next Day"]
    supplement = factories.product("kēpos trial", "11.99")  # 20% VAT
    basket = factories.basket_with((supplement, 1), (kefir("13.01"), 1))  # £25.00 incl. VAT

    assert next_day.calculate(basket).incl_tax == D("0.00")


def test_delivery_vat_is_split_like_the_goods_in_a_mixed_basket():
    # £10 at 0% and £10 at 20%: half the £4.99 charge is standard-rated.
    standard = factories.delivery_methods()["Standard"]
    supplement = factories.product("Capsules", "10.00")
    basket = factories.basket_with((supplement, 1), (kefir("10.00"), 1))

    price = standard.calculate(basket)

    # £2.99 -> £1.50 at 20% (VAT £0.25) + £1.49 at 0%
    assert price.incl_tax == D("2.99")
    assert price.tax == D("0.25")
    assert price.excl_tax == D("2.74")


def test_apportioning_gives_each_rate_its_share_to_the_penny():
    portions = apportion(D("4.99"), {D("0"): D("20.00"), D("20"): D("10.00")})

    assert portions == [
        VATPortion(D("0"), D("3.33"), D("0.00")),
        VATPortion(D("20"), D("1.66"), D("0.28")),
    ]
    assert sum(p.gross for p in portions) == D("4.99")


def test_delivery_for_only_zero_rated_goods_carries_no_vat():
    standard = factories.delivery_methods()["Standard"]
    basket = factories.basket_with((kefir("5.00"), 1))

    assert standard.calculate(basket).tax == D("0.00")


def address(postcode):
    return UserAddressFactory.build(postcode=postcode, country_id="GB")


def available(postcode, basket):
    return {
        m.name: m.calculate(basket).incl_tax
        for m in Repository().get_shipping_methods(basket, address(postcode))
    }


def test_the_mainland_gets_both_methods():
    factories.delivery_methods()
    basket = factories.basket_with((kefir("10.00"), 1))

    assert available("SW1A 1AA", basket) == {"Next Day": D("4.99"), "Standard": D("2.99")}


def test_highlands_and_northern_ireland_get_standard_with_a_surcharge():
    factories.delivery_methods()
    small = factories.basket_with((kefir("10.00"), 1))
    large = factories.basket_with((kefir("30.00"), 1))

    assert available("IV2 3AB", small) == {"Standard": D("5.99")}
    assert available("BT7 1NN", small) == {"Standard": D("5.99")}
    assert available("IV2 3AB", large) == {"Standard": D("3.00")}  # free delivery; surcharge stays


def test_channel_islands_and_bad_postcodes_get_no_methods():
    factories.delivery_methods()
    basket = factories.basket_with((kefir("10.00"), 1))

    assert available("JE2 3AB", basket) == {}
    assert available("not a postcode", basket) == {}


def test_an_inactive_method_is_not_offered():
    methods = factories.delivery_methods()
    methods["Next Day"].is_active = False
    methods["Next Day"].save()
    basket = factories.basket_with((kefir("10.00"), 1))

    assert list(available("SW1A 1AA", basket)) == ["Standard"]


def test_only_one_method_can_be_the_headline_offer():
    methods = factories.delivery_methods()
    standard = methods["Standard"]
    standard.is_headline = True

    with pytest.raises(Exception, match="already the headline offer"):
        standard.full_clean()


def test_the_headline_offer_needs_a_threshold():
    method = factories.delivery_methods()["Next Day"]
    method.free_shipping_threshold = None

    with pytest.raises(Exception, match="needs a free-delivery threshold"):
        method.full_clean()
