"""The renewals benchmark runs the real renewal path and leaves nothing behind."""

import pytest
from oscar.core.loading import get_model

from shop.subscriptions import bench
from shop.subscriptions.models import Subscription
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def test_subscription_renewal_bench_renews_everything_and_rolls_back():
    world = helpers.world()

    result = bench.measure(world["capsules"], subscriptions=12, orders=6)

    assert (result.subscriptions, result.orders) == (12, 6)
    assert result.renewals_per_second > 0 and result.orders_per_second > 0
    assert not Order.objects.exists()
    assert not Subscription.objects.exists()
