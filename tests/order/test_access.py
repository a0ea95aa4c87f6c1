"""Customers see their own orders; guests find theirs by number and e-mail; nobody else."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


@pytest.fixture
def guest_order(client):
    factories.delivery_methods()
    item = factories.product("Capsules", "39.99")
    steps.place_order(
        client, token=steps.guest_checkout(client, [(item, 1)], email="ada@example.com")
    )
    return Order.objects.get()


def look_up(client, number, email):
    return client.post(reverse("order-status:lookup"), {"number": number, "email": email})


def test_a_guest_finds_their_order_by_number_and_email(client, guest_order):
    stranger = client.__class__()

    response = look_up(stranger, guest_order.number, "ADA@example.com")
    page = stranger.get(response["Location"])

    assert response["Location"] == reverse("order-status:detail", args=[guest_order.number])
    assert f"Order {guest_order.number}" in text_of(page)
    assert "Status Paid" in text_of(page)


@pytest.mark.parametrize("email", ["someone@example.com", "ada@example.co"])
def test_a_wrong_email_finds_nothing_and_says_so_plainly(client, guest_order, email):
    stranger = client.__class__()

    response = look_up(stranger, guest_order.number, email)

    assert response.status_code == 200
    assert "We couldn't find an order with that number and e-mail address." in text_of(response)
    detail = stranger.get(reverse("order-status:detail", args=[guest_order.number]))
    assert detail.status_code == 404


def test_the_status_page_is_404_to_anyone_who_has_not_looked_the_order_up(client, guest_order):
    url = reverse("order-status:detail", args=[guest_order.number])

    assert client.__class__().get(url).status_code == 404
    stranger = client.__class__()
    factories.sign_in(stranger, UserFactory())
    assert stranger.get(url).status_code == 404


def test_lookups_are_rate_limited(client, guest_order):
    stranger = client.__class__()
    for _ in range(10):
        look_up(stranger, "999999", "nobody@example.com")

    response = look_up(stranger, guest_order.number, "ada@example.com")

    assert "Too many attempts" in text_of(response)


def test_customers_see_only_their_own_orders_in_their_account(client):
    factories.delivery_methods()
    item = factories.product("Capsules", "39.99")
    ada, bob = UserFactory(email="ada@example.com"), UserFactory(email="bob@example.com")
    factories.sign_in(client, ada)
    steps.add_to_basket(client, item)
    steps.give_address(client)
    steps.choose_method(client)
    steps.place_order(client)
    order = Order.objects.get()

    own = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    factories.sign_in(client, bob)
    other = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    history = client.get(reverse("customer:order-list"))

    assert own.status_code == 200
    assert other.status_code == 404
    assert order.number not in text_of(history)


def test_order_history_query_count_does_not_grow_with_orders(client, queries_do_not_grow):
    from oscar.test.factories import create_order

    ada = UserFactory(email="ada@example.com")
    factories.sign_in(client, ada)

    def grow(size):
        while Order.objects.filter(user=ada).count() < size:
            create_order(user=ada)

    queries_do_not_grow(lambda: client.get(reverse("customer:order-list")), grow, ceiling=20)
