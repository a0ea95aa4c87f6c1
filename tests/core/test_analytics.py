"""Analytics counters survive two requests creating the same row at once."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.analytics import increment
from tests import factories

pytestmark = pytest.mark.django_db

ProductRecord = get_model("analytics", "ProductRecord")


def test_losing_the_insert_race_counts_once_and_keeps_the_transaction_usable(monkeypatch):
    """Our UPDATE finds no row; another request INSERTs it; our INSERT then collides."""
    item = factories.product("Kefir grains", "14.99")
    real_filter = ProductRecord.objects.filter
    raced = []

    def other_request_inserts_after_our_update(**lookup):
        if not raced:
            raced.append(True)
            ProductRecord.objects.create(**lookup, num_basket_additions=1)
            return real_filter(pk__in=[])  # what our UPDATE saw a moment before
        return real_filter(**lookup)

    monkeypatch.setattr(ProductRecord.objects, "filter", other_request_inserts_after_our_update)

    increment(ProductRecord, {"product": item}, {"num_basket_additions": 1})

    assert real_filter(product=item).get().num_basket_additions == 2
    assert factories.product("Still usable", "1.00").pk  # the transaction was not aborted


def test_adding_to_the_basket_counts_the_addition(client):
    item = factories.product("Kefir grains", "14.99")

    client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": 1})
    client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": 1})

    assert ProductRecord.objects.get(product=item).num_basket_additions == 2


def test_viewing_a_product_writes_nothing(client):
    item = factories.product("Kefir grains", "14.99")
    client.get(item.get_absolute_url())

    assert not ProductRecord.objects.filter(product=item).exists()
