"""Walking the checkout with Django's test client, step by step."""

import re

from django.urls import reverse

ADDRESS = {
    "first_name": "Ada",
    "last_name": "Lovelace",
    "line1": "1 Orchard Row",
    "line4": "Bristol",
    "postcode": "BS1 4XY",
}
GOOD_CARD = {"number": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123"}
DECLINED_CARD = {**GOOD_CARD, "number": "4000 0000 0000 0002"}
ERROR_CARD = {**GOOD_CARD, "number": "4000 0000 0000 0119"}


def add_to_basket(client, item, quantity=1):
    return client.post(reverse("basket:add", kwargs={"pk": item.pk}), {"quantity": quantity})


def start_as_guest(client, email="guest@example.com"):
    return client.post(reverse("checkout:index"), {"username": email, "options": "anonymous"})


def give_address(client, **changes):
    return client.post(reverse("checkout:shipping-address"), {**ADDRESS, **changes})


def choose_method(client, code="next-day"):
    return client.post(reverse("checkout:shipping-method"), {"method_code": code})


def basket_token(client) -> str:
    response = client.get(reverse("checkout:preview"))
    html = response.content.decode()
    found = re.search(r'name="basket_token" value="([^"]+)"', html)
    assert found, f"No review form ({response.status_code} {response.get('Location')}): {html}"
    return found.group(1)


def place_order(client, card=GOOD_CARD, token=None):
    token = token or basket_token(client)
    return client.post(
        reverse("checkout:preview"), {"action": "place_order", "basket_token": token, **card}
    )


def guest_checkout(client, items, *, email="guest@example.com", card=GOOD_CARD, method="next-day"):
    """Basket, guest e-mail, address, delivery method: ready to pay. Returns the preview token."""
    for item, quantity in items:
        add_to_basket(client, item, quantity)
    start_as_guest(client, email)
    give_address(client)
    choose_method(client, method)
    return basket_token(client)
