"""Writes are all-or-nothing; reads never take SQLite's write lock."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from tests import factories

Line = get_model("basket", "Line")
User = get_user_model()


@pytest.mark.urls("tests.core.urls")
@pytest.mark.django_db(transaction=True)
def test_a_failing_post_saves_nothing():
    client = Client(raise_request_exception=False)

    response = client.post("/write-then-fail/")

    assert response.status_code == 500
    assert not User.objects.filter(username="half-saved").exists()


@pytest.mark.urls("tests.core.urls")
@pytest.mark.django_db(transaction=True)
def test_gets_never_hold_a_transaction_open_on_sqlite_and_posts_always_do():
    client = Client()
    atomic_requests = connection.settings_dict["ATOMIC_REQUESTS"]

    get = client.get("/in-transaction/").content
    post = client.post("/in-transaction/").content

    # PostgreSQL wraps every request (ATOMIC_REQUESTS); SQLite only writes.
    assert get == (b"yes" if atomic_requests else b"no")
    assert atomic_requests is (connection.vendor == "postgresql")
    assert post == b"yes"


@pytest.mark.django_db(transaction=True)
def test_concurrent_gets_and_basket_adds_never_fail_with_database_is_locked():
    """Two shoppers browse and add to their baskets at the same time, on real threads."""
    item = factories.product("Kefir grains", "14.99", num_in_stock=1000)
    add_url = reverse("basket:add", kwargs={"pk": item.pk})
    errors: list[BaseException] = []
    statuses: list[int] = []
    rounds = 15

    def shopper():
        client = Client()
        try:
            for _ in range(rounds):
                statuses.append(client.get(reverse("catalogue:index")).status_code)
                statuses.append(client.post(add_url, {"quantity": 1}).status_code)
                statuses.append(client.get(item.get_absolute_url()).status_code)
        except BaseException as exc:  # collected for the main thread to report
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=shopper) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    assert set(statuses) <= {200, 302}, statuses
    assert len(statuses) == 2 * rounds * 3
    quantities = sorted(Line.objects.values_list("quantity", flat=True))
    assert quantities == [rounds, rounds]  # every add landed, one basket per shopper
