"""Anonymous storefront pages come from the shared cache: fast, never stale, never personal."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from oscar.test.factories import UserFactory

from shop.chat.models import OpeningHours
from shop.legal import consent
from shop.storefront import page_cache
from tests import factories

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, 10, tzinfo=LONDON)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 60
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as traveller:
        yield traveller


@pytest.fixture
def catalogue():
    factories.delivery_methods()
    return factories.catalogue(4)


@pytest.fixture
def product(catalogue):
    return catalogue["products"][0]


def outcome(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_second_visitor_gets_the_stored_page_without_a_query(product, django_assert_num_queries):
    url = product.get_absolute_url()
    first = Client().get(url)

    with django_assert_num_queries(0):
        second = Client().get(url)

    assert (outcome(first), outcome(second)) == ("miss", "hit")
    assert second.status_code == 200 and second["Content-Type"].startswith("text/html")
    assert TOKEN.sub("", first.content.decode()) == TOKEN.sub("", second.content.decode())
    assert product.title in second.content.decode()


def test_a_cached_page_carries_each_visitors_own_token_and_its_forms_post(product):
    url = product.get_absolute_url()
    Client().get(url)
    visitor = Client(enforce_csrf_checks=True)

    page = visitor.get(url)
    tokens = set(TOKEN.findall(page.content.decode()))
    added = visitor.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1, "csrfmiddlewaretoken": tokens.pop()},
    )

    assert outcome(page) == "hit" and "csrftoken" in page.cookies
    assert page_cache.PLACEHOLDER.decode() not in page.content.decode()
    assert not tokens, "one token per answer, repeated where the page needs it"
    assert added.status_code == 302
    assert visitor.get(reverse("basket:summary")).context["basket"].num_items == 1


def test_a_saved_price_shows_at_once(product):
    url = product.get_absolute_url()
    Client().get(url)
    record = product.stockrecords.get()
    record.price = "12.34"
    record.save()

    page = Client().get(url)

    assert outcome(page) == "miss"
    assert "£12.34" in page.content.decode()


def test_stock_sold_by_an_order_is_not_hidden_by_the_cache(product):
    url = product.get_absolute_url()
    Client().get(url)
    record = product.stockrecords.get()

    record.allocate(1)  # as placing an order does: an update() with Oscar's own signals

    assert outcome(Client().get(url)) == "miss"


def test_a_visitor_with_a_basket_session_or_messages_gets_a_rendered_page(product):
    Client().get("/")
    shopper = Client()
    shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert shopper.cookies, "adding to the basket leaves a cookie"

    page = shopper.get("/")

    assert outcome(page) is None
    assert page.context["request"].basket.num_items == 1


@pytest.mark.parametrize(
    "path", ["/basket/", "/checkout/", "/accounts/login/", "/order-status/", "/chat/start/"]
)
def test_personal_and_working_pages_are_never_stored(catalogue, path):
    Client().get(path)
    assert outcome(Client().get(path)) is None


def test_a_signed_in_customer_is_never_served_a_stored_page(catalogue):
    Client().get("/")
    customer = factories.sign_in(Client(), UserFactory())

    assert outcome(customer.get("/")) is None


def test_the_cookie_choice_is_part_of_the_key(catalogue):
    unasked = Client().get("/")
    decided = Client()
    decided.cookies[consent.COOKIE_NAME] = f"{consent.VERSION}:{consent.REJECTED}"

    page = decided.get("/")

    assert "data-cookie-banner" in unasked.content.decode()
    assert outcome(page) == "miss"
    assert "data-cookie-banner" not in page.content.decode()


def test_a_page_setting_a_cookie_is_not_stored(product):
    accepted = Client()
    accepted.cookies[consent.COOKIE_NAME] = f"{consent.VERSION}:{consent.ACCEPTED}"
    first = accepted.get(product.get_absolute_url())  # sets the recently-viewed cookie

    assert "oscar_history" in first.cookies and outcome(first) is None
    assert outcome(accepted.get(product.get_absolute_url())) is None


def test_htmx_requests_are_rendered(catalogue):
    Client().get("/search/?q=kefir")

    assert outcome(Client().get("/search/?q=kefir", HTTP_HX_REQUEST="true")) is None


def test_each_query_string_is_its_own_page(catalogue):
    Client().get("/search/?q=kefir")

    other = Client().get("/search/?q=kepos")

    assert outcome(other) == "miss"
    assert "kepos" in other.context["request"].GET["q"]


def test_the_countdown_and_schedules_move_on_each_minute(catalogue, page_cache_on):
    Client().get("/")
    page_cache_on.shift(timedelta(seconds=60))

    assert outcome(Client().get("/")) == "miss"


def test_chat_closing_is_not_hidden_by_a_page_stored_while_open(catalogue, page_cache_on):
    Client().get("/chat/")
    assert "Online" in Client().get("/chat/").content.decode()
    closes = OpeningHours.objects.get(weekday=2).closes
    page_cache_on.move_to(datetime.combine(WEDNESDAY_NOON.date(), closes, LONDON))

    page = Client().get("/chat/")

    assert outcome(page) == "miss"
    assert "Offline" in page.content.decode()


def test_staff_saving_an_faq_entry_shows_at_once(catalogue):
    entry = factories.faq_entry("Does kefir keep?")
    assert "Does kefir keep?" in Client().get("/faq/").content.decode()
    entry.question = "Is kefir dairy-free?"
    entry.save()

    page = Client().get("/faq/")

    assert outcome(page) == "miss"
    assert "Is kefir dairy-free?" in page.content.decode()


def test_a_browser_revalidates_its_copy_and_gets_not_modified(product):
    url = product.get_absolute_url()
    visitor = Client()
    first = visitor.get(url)

    again = visitor.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    stranger = Client().get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "private, no-cache" and "Cookie" in first["Vary"]
    assert again.status_code == 304
    assert stranger.status_code == 200, "another visitor's copy holds another token"


def test_a_cache_that_keeps_nothing_only_costs_speed(product, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    url = product.get_absolute_url()

    pages = [Client().get(url) for _ in range(2)]

    assert [page.status_code for page in pages] == [200, 200]
    assert [outcome(page) for page in pages] == ["miss", "miss"]
