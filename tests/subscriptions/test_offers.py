"""What can be subscribed: offers per product or size, their frequencies and saving."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop import roles
from shop.subscriptions.models import SubscriptionOffer, offer_for, parse_weeks
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def kefir():
    return factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})}
    )


@pytest.mark.parametrize(
    ("one_off", "saving", "per_delivery"),
    [("39.99", 10, "35.99"), ("4.49", 15, "3.82"), ("7.99", 10, "7.19"), ("0.05", 10, "0.05")],
)
def test_subscription_price_per_delivery_takes_the_saving_to_the_penny(
    one_off, saving, per_delivery
):
    offer = SubscriptionOffer(saving_percent=saving)

    assert offer.price_per_delivery(D(one_off)) == D(per_delivery)


def test_subscription_frequencies_are_read_sorted_whatever_the_spacing():
    assert parse_weeks("8, 2,4 ,  6") == [2, 4, 6, 8]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "List at least one frequency"),
        ("0", "“0” is not a number of weeks from 1 to 26"),
        ("4, 27", "“27” is not a number of weeks"),
        ("two", "“two” is not a number of weeks"),
        ("4, 4", "Each frequency once"),
    ],
)
def test_subscription_frequencies_refuse_bad_input_with_a_reason(text, reason):
    with pytest.raises(ValidationError, match=reason):
        parse_weeks(text)


def test_subscription_preselected_frequency_must_be_one_offered(kefir):
    offer = SubscriptionOffer(product=kefir, weeks="2, 4", default_weeks=6)

    with pytest.raises(ValidationError) as error:
        offer.full_clean()

    assert (
        "Choose one of the frequencies offered: 2, 4." in error.value.message_dict["default_weeks"]
    )


@pytest.mark.parametrize("saving", [0, 51])
def test_subscription_saving_stays_between_1_and_50_percent(kefir, saving):
    with pytest.raises(ValidationError, match="saving_percent"):
        SubscriptionOffer(product=kefir, saving_percent=saving).full_clean()


def test_a_subscription_offer_on_a_product_covers_its_sizes_unless_a_size_has_its_own(kefir):
    small, large = kefir.children.order_by("pk")
    SubscriptionOffer.objects.create(product=kefir, saving_percent=10)
    SubscriptionOffer.objects.create(
        product=large, weeks="4, 8", default_weeks=8, saving_percent=15
    )

    assert offer_for(small).saving_percent == 10
    assert offer_for(large).saving_percent == 15 and offer_for(large).frequencies == [4, 8]


def test_a_subscription_offer_switched_off_is_not_offered(kefir):
    small = kefir.children.first()
    SubscriptionOffer.objects.create(product=kefir, is_active=False)

    assert offer_for(small) is None
    assert offer_for(factories.product("No offer", "5.00")) is None


def test_subscription_offers_are_edited_by_marketing_and_not_by_customer_service(client, kefir):
    add = reverse("admin:subscriptions_subscriptionoffer_add")

    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    assert client.get(add).status_code == 200

    factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))
    assert client.get(add).status_code == 403


def test_a_marketer_saving_a_bad_subscription_offer_sees_why_and_nothing_is_saved(client, kefir):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    response = client.post(
        reverse("admin:subscriptions_subscriptionoffer_add"),
        {"product": kefir.pk, "weeks": "2, 4, 99", "default_weeks": 4, "saving_percent": 10},
    )

    assert response.status_code == 200
    assert "“99” is not a number of weeks from 1 to 26." in text_of(response)
    assert not SubscriptionOffer.objects.exists()
