"""Cookies: every one the site sets is in the inventory, nothing optional before consent,
and a banner that works without JavaScript."""

import pytest
from django.test import Client
from django.urls import reverse

from shop.legal import consent
from shop.legal.models import StorageItem
from tests import factories
from tests.pages import text_of
from tests.security import world as hostile_world
from tests.security.routes import every_route

pytestmark = pytest.mark.django_db

NOT_WALKED = {"customer:logout", "dashboard:logout"}
ACCEPTED = f"{consent.VERSION}:{consent.ACCEPTED}"
REJECTED = f"{consent.VERSION}:{consent.REJECTED}"


def inventory(kind: str = "cookie") -> set[str]:
    return set(StorageItem.objects.filter(kind=kind).values_list("name", flat=True))


def cookies_set(client: Client, routes) -> dict[str, str]:
    """Every cookie any route's response sets, with the first URL that set it."""
    seen: dict[str, str] = {}
    for route in routes:
        if route.name in NOT_WALKED:
            continue
        response = client.get(route.url)
        for name, morsel in response.cookies.items():
            if morsel.value or morsel["max-age"] != 0:  # deleting one is not setting it
                seen.setdefault(name, route.url)
    return seen


@pytest.fixture
def product():
    factories.delivery_methods()
    return factories.product("kēpos 30-day", "39.99")


def test_cookie_inventory_covers_every_cookie_any_page_sets():
    """Walk every URL of the site, as a visitor who accepted everything and as a Manager."""
    world = hostile_world.build()
    routes = every_route(world)
    visitor = Client()
    visitor.cookies[consent.COOKIE_NAME] = ACCEPTED
    seen = cookies_set(visitor, routes)
    manager = factories.sign_in(Client(), world.manager)
    manager.cookies[consent.COOKIE_NAME] = ACCEPTED
    seen.update({k: v for k, v in cookies_set(manager, routes).items() if k not in seen})
    missing = {name: url for name, url in seen.items() if name not in inventory()}
    assert not missing, f"Cookies set but not on the cookie notice: {missing}"
    assert {"sessionid", "csrftoken", "oscar_history"} <= set(seen)  # the walk did reach them


def test_cookie_optional_history_is_not_set_before_consent(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert "oscar_history" not in response.cookies
    optional = StorageItem.objects.filter(strictly_necessary=False)
    assert "oscar_history" in set(optional.values_list("name", flat=True))


def test_cookie_optional_history_is_not_set_after_rejecting(client, product):
    client.cookies[consent.COOKIE_NAME] = REJECTED
    assert "oscar_history" not in client.get(product.get_absolute_url()).cookies


def test_cookie_optional_history_is_set_after_accepting(client, product):
    client.post(reverse("legal:cookie-choice"), {"choice": "accept", "next": "/"})
    assert client.cookies[consent.COOKIE_NAME].value == ACCEPTED
    assert "oscar_history" in client.get(product.get_absolute_url()).cookies


def test_cookie_rejecting_later_removes_the_optional_cookie(client, product):
    client.cookies[consent.COOKIE_NAME] = ACCEPTED
    client.get(product.get_absolute_url())
    assert client.cookies["oscar_history"].value
    response = client.post(reverse("legal:cookie-choice"), {"choice": "reject", "next": "/"})
    assert response.cookies["oscar_history"]["max-age"] == 0
    assert response.cookies[consent.COOKIE_NAME].value == REJECTED


def test_cookie_banner_shows_until_a_choice_is_made(client):
    html = client.get("/").content.decode()
    assert "data-cookie-banner" in html
    assert 'value="accept"' in html and 'value="reject"' in html
    client.cookies[consent.COOKIE_NAME] = REJECTED
    assert "data-cookie-banner" not in client.get("/").content.decode()


def test_cookie_banner_buttons_have_equal_weight(client):
    html = client.get("/").content.decode()
    banner = html.split("data-cookie-banner", 1)[1].split("</section>", 1)[0]
    accept = banner.split('value="accept"', 1)[1].split(">", 1)[0]
    reject = banner.split('value="reject"', 1)[1].split(">", 1)[0]
    assert accept == reject  # same classes, same attributes
    assert "Reject optional cookies" in banner and "Accept optional cookies" in banner


def test_cookie_choice_works_without_javascript_and_returns_to_the_page(client, product):
    url = product.get_absolute_url()
    response = client.post(reverse("legal:cookie-choice"), {"choice": "reject", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url)
    assert "You've rejected optional cookies" in text_of(page)
    assert "data-cookie-banner" not in page.content.decode()


def test_cookie_choice_answers_json_for_the_script(client):
    response = client.post(
        reverse("legal:cookie-choice"),
        {"choice": "accept", "next": "/"},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    assert response.json()["choice"] == "accepted"
    assert response.cookies[consent.COOKIE_NAME].value == ACCEPTED
    assert response.cookies[consent.COOKIE_NAME]["max-age"] == consent.MAX_AGE_SECONDS


def test_cookie_choice_refuses_other_sites_and_unknown_choices(client):
    away = client.post(
        reverse("legal:cookie-choice"), {"choice": "accept", "next": "https://evil.example/"}
    )
    assert away["Location"] == "/legal/cookies/"
    odd = client.post(reverse("legal:cookie-choice"), {"choice": "maybe", "next": "/"})
    assert odd.status_code == 302
    assert consent.COOKIE_NAME not in odd.cookies
    assert "Please choose Accept or Reject." in text_of(client.get("/"))
    assert client.get(reverse("legal:cookie-choice")).status_code == 405


def test_cookie_choice_from_an_older_set_of_cookies_is_asked_again(client):
    client.cookies[consent.COOKIE_NAME] = "0:accepted"
    assert "data-cookie-banner" in client.get("/").content.decode()


def test_cookie_notice_lists_the_inventory_and_can_reopen_the_choice(client):
    client.cookies[consent.COOKIE_NAME] = ACCEPTED
    page = client.get("/legal/cookies/")
    text = text_of(page)
    for item in StorageItem.objects.all():
        assert item.name in text
    assert "kepos-chat-open" in text and "Session storage" in text
    assert "You have accepted optional cookies." in text
    assert 'action="/legal/cookies/choice/"' in page.content.decode()


def test_cookie_consent_state_is_a_page_cache_variant():
    class Visitor:
        def __init__(self, value=None):
            self.COOKIES = {consent.COOKIE_NAME: value} if value else {}

    variants = {consent.page_variant(Visitor(v)) for v in (None, ACCEPTED, REJECTED)}
    assert variants == {"unasked", "accepted", "rejected"}
