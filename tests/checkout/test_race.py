"""Two shoppers press "Place order" for the last unit at the same moment."""

import threading
import time

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from shop.gateways.testing import TestGateway
from tests import checkout_steps as steps
from tests import factories

Order = get_model("order", "Order")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")


def race_for_the_last_unit(monkeypatch):
    # A real card processor takes a moment to answer: long enough for the other
    # shopper's request to reach the same point if nothing holds it back.
    confirm_card = TestGateway.confirm_card
    charged = []

    def slow_confirm_card(self, reference, **kwargs):
        charged.append(reference)
        time.sleep(0.5)
        return confirm_card(self, reference, **kwargs)

    monkeypatch.setattr(TestGateway, "confirm_card", slow_confirm_card)
    factories.delivery_methods()
    item = factories.product("Last jar of grains", "14.99", num_in_stock=1)
    shoppers = [Client(), Client()]
    tokens = [
        steps.guest_checkout(shopper, [(item, 1)], email=f"shopper{n}@example.com")
        for n, shopper in enumerate(shoppers)
    ]
    start = threading.Barrier(len(shoppers))
    responses, errors = [], []

    def buy(shopper, token):
        try:
            start.wait(timeout=10)
            responses.append(steps.place_order(shopper, token=token))
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=buy, args=pair) for pair in zip(shoppers, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert Order.objects.count() == 1  # one buyer got it...
    assert len(charged) == 1  # ...and the other's card was never even charged
    assert Source.objects.count() == 1
    loser = next(r for r in responses if r.status_code == 200 or "thank-you" not in r["Location"])
    if loser.status_code == 200:  # it waited at the stock lock, then was told
        assert "has just sold out" in loser.content.decode()
    record = StockRecord.objects.get(product=item)
    assert (record.num_in_stock, record.num_allocated) == (1, 1)


@pytest.mark.django_db(transaction=True)
def test_two_shoppers_cannot_both_buy_the_last_unit(monkeypatch):
    race_for_the_last_unit(monkeypatch)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_shoppers_cannot_both_buy_the_last_unit_on_postgresql_row_locks(monkeypatch):
    race_for_the_last_unit(monkeypatch)
