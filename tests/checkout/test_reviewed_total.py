"""The shopper pays what the review page showed, or nothing.

A basket changed in another tab, a different delivery method or an expired
or missing token: the card is never touched, no order is written, the basket
is intact and the page says what changed.
"""

from decimal import Decimal as D
from unittest import mock

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.gateways.testing import TestGateway
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")


@pytest.fixture
def shop():
    factories.delivery_methods()
    return {
        "kefir": factories.product(
            "Goat's milk kefir 500 ml", "4.49", klass=factories.milk_kefir_class()
        ),
        "capsules": factories.product("kēpos 30-day", "39.99"),
    }


@pytest.fixture
def authorisations():
    with mock.patch.object(
        TestGateway, "confirm_card", autospec=True, side_effect=TestGateway.confirm_card
    ) as spy:
        yield spy


def test_a_basket_changed_in_another_tab_is_not_charged_from_the_old_review(
    client, shop, authorisations
):
    token = steps.guest_checkout(client, [(shop["kefir"], 1)])  # £4.49 + £4.99 next day
    steps.add_to_basket(client, shop["capsules"], 3)  # the other tab: now £124.46

    response = steps.place_order(client, token=token)

    assert response.status_code == 200
    assert "it now comes to £124.46, not the £9.48 you saw" in text_of(response)
    assert "Nothing has been charged" in text_of(response)
    assert authorisations.call_count == 0
    assert not Order.objects.exists()
    basket = Basket.objects.get()
    assert basket.status == Basket.OPEN and basket.num_items == 4


def test_placing_it_again_from_the_refreshed_review_charges_the_new_total(client, shop):
    token = steps.guest_checkout(client, [(shop["kefir"], 1)])
    steps.add_to_basket(client, shop["capsules"], 3)
    steps.place_order(client, token=token)

    response = steps.place_order(client)  # the token of the page now shown

    assert response["Location"] == reverse("checkout:thank-you")
    assert Order.objects.get().total_incl_tax == D("124.46")


def test_another_delivery_method_chosen_elsewhere_is_refused_too(client, shop, authorisations):
    token = steps.guest_checkout(client, [(shop["kefir"], 1)], method="next-day")
    steps.choose_method(client, "standard")

    response = steps.place_order(client, token=token)

    assert "it now comes to £7.48, not the £9.48 you saw" in text_of(response)
    assert authorisations.call_count == 0
    assert not Order.objects.exists()


def test_a_price_changed_by_staff_after_the_review_is_not_charged(client, shop, authorisations):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])
    record = shop["capsules"].stockrecords.get()
    record.price = D("44.99")
    record.save()

    response = steps.place_order(client, token=token)

    assert "it now comes to £44.99, not the £39.99 you saw" in text_of(response)
    assert authorisations.call_count == 0


@pytest.mark.parametrize("token", ["", "not-a-token", None])
def test_place_order_without_a_valid_token_never_touches_the_card(
    client, shop, authorisations, token
):
    steps.guest_checkout(client, [(shop["capsules"], 1)])
    data = {"action": "place_order", **steps.GOOD_CARD}
    if token is not None:
        data["basket_token"] = token

    responses = [client.post(reverse("checkout:preview"), data) for _ in range(3)]

    assert all(r.status_code == 200 for r in responses)
    assert "Nothing has been charged" in text_of(responses[-1])
    assert authorisations.call_count == 0
    assert not Order.objects.exists()
