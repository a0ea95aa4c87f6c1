"""Subscribing: the product page's choice, the basket line, and checkout (an
account, the terms before the contract, the card saved for renewals)."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.urls import reverse

from shop.gateways.models import TestPaymentMethod
from shop.subscriptions.models import Subscription
from shop.subscriptions.schedule import uk_today
from tests.pages import text_of
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return helpers.world()


def test_subscribing_at_checkout_starts_a_subscription_with_the_saved_card(client, world):
    sam, capsules = world["sam"], world["capsules"]

    response = helpers.subscribe(client, sam, capsules, weeks=8)

    assert response.status_code == 302, text_of(response)
    assert response["Location"] == reverse("checkout:thank-you")
    subscription = helpers.subscription_of(sam)
    assert (subscription.product, subscription.weeks, subscription.quantity) == (capsules, 8, 1)
    assert subscription.saving_percent == 10
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.next_date == uk_today() + timedelta(weeks=8)
    assert subscription.card.label == "Visa ending 4242"
    assert subscription.address.postcode == "BS1 4XY"
    assert subscription.origin_order.total_incl_tax == D("35.99")  # 39.99 less 10%, free delivery
    method = TestPaymentMethod.objects.get(token=subscription.card.token)
    assert method.outcome == "succeeds"
