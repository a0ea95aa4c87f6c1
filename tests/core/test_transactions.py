"""Writes are all-or-nothing; reads never take SQLite's write lock."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.middleware import AtomicWritesMiddleware
from tests import factories

Line = get_model("basket", "Line")
User = get_user_model()


def failing_write_view(request):
    User.objects.create(username="half-saved")
    raise RuntimeError("boom after the first write")


def counting_view(request):
    return HttpResponse(str(connection.in_atomic_block))


@pytest.mark.django_db(transaction=True)
def test_a_failing_post_saves_nothing():
    middleware = AtomicWritesMiddleware(lambda request: HttpResponse())
    request = RequestFactory().post("/")

    with pytest.raises(RuntimeError):
        middleware.process_view(request, failing_write_view, (), {})

    assert not User.objects.filter(username="half-saved").exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL uses ATOMIC_REQUESTS")
def test_gets_run_outside_a_transaction_and_posts_inside_one():
    middleware = AtomicWritesMiddleware(lambda request: HttpResponse())
    factory = RequestFactory()

    get = middleware.process_view(factory.get("/"), counting_view, (), {})
    post = middleware.process_view(factory.post("/"), counting_view, (), {})

    assert get is None  # not wrapped: the view runs on its own
    assert post.content == b"True"


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
