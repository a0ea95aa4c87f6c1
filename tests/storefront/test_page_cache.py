"""Anonymous storefront pages come from the shared cache: fast, never stale, never personal."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
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


def text(response) -> str:
    return response.content.decode()


def mini_basket(response) -> str:
    """The mini-basket's text: "Basket 2 items £21.98"."""
    part = re.search(r'<div class="basket-mini">.*?</div>', text(response), re.S).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", part).split())


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


def test_waiting_messages_are_shown_on_a_rendered_page(product):
    Client().get("/")
    shopper = Client()
    shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})

    page = shopper.get("/")

    assert outcome(page) is None
    assert re.search(r'id="messages".*?' + re.escape(product.title), text(page), re.S)


def test_a_shopper_with_a_basket_gets_the_shared_page_with_their_own_basket(product):
    shopper = Client()
    shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    shopper.get("/")  # shows the "added" message

    theirs = shopper.get("/")
    anyones = Client().get("/")

    assert outcome(theirs) == "personal miss" and outcome(anyones) == "hit"
    assert mini_basket(theirs) == "Basket 2 items £21.98"
    assert mini_basket(anyones) == "Basket 0 items"
    assert outcome(shopper.get("/")) == "personal hit"


def test_a_signed_in_customer_gets_their_account_links_on_a_shared_page(catalogue):
    customer = factories.sign_in(
        Client(enforce_csrf_checks=True), UserFactory(email="ada@example.com")
    )

    theirs = customer.get("/")
    anyones = Client().get("/")
    signed_out = customer.post(
        reverse("customer:logout"), {"csrfmiddlewaretoken": TOKEN.findall(text(theirs))[0]}
    )

    assert outcome(theirs) == "personal miss" and outcome(anyones) == "hit"
    assert "Log out" in text(theirs) and "Sign in or register" not in text(theirs)
    assert "Log out" not in text(anyones) and "Sign in or register" in text(anyones)
    assert signed_out.status_code == 302 and "_auth_user_id" not in customer.session


def test_the_stored_page_holds_nothing_of_the_visitor_whose_visit_stored_it(product):
    user = UserFactory(email="grace@example.com", first_name="Grace")
    customer = factories.sign_in(Client(), user)
    customer.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 3})
    customer.get("/")  # the "added" message

    customer.get("/")
    [stored] = [
        value
        for value in cache._cache.values()  # LocMemCache: pickled entries
        if b"StoredPage" in value
    ]

    assert b"grace" not in stored.lower() and b"32.97" not in stored
    assert b"Log out" not in stored and b"Sign in or register" in stored


def test_a_personalised_page_costs_the_same_few_queries_on_any_page(
    catalogue, django_assert_max_num_queries
):
    customer = factories.sign_in(Client(), UserFactory())
    for path in ("/", "/blog/", "/faq/"):
        customer.get(path)
        Client().get(path)

    for path in ("/", "/blog/", "/faq/"):
        with django_assert_max_num_queries(8):
            assert outcome(customer.get(path)) == "personal hit"


def test_staff_and_signed_in_product_pages_are_rendered(product):
    url = product.get_absolute_url()
    Client().get(url)
    customer = factories.sign_in(Client(), UserFactory())
    staff = factories.sign_in(Client(), UserFactory(is_staff=True))

    assert outcome(customer.get(url)) is None, "wish-list buttons are the customer's own"
    assert outcome(staff.get("/")) is None, "staff see edit links"
    assert outcome(customer.get("/")) == "personal miss"


@pytest.mark.parametrize(
    "path", ["/basket/", "/checkout/", "/accounts/login/", "/order-status/", "/chat/start/"]
)
def test_personal_and_working_pages_are_never_stored(catalogue, path):
    Client().get(path)
    assert outcome(Client().get(path)) is None


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


def test_migrations_and_fixtures_leave_the_cache_alone(monkeypatch):
    """A fresh database's data migrations save content before migrate has created the
    database cache's table."""
    from django.apps import apps
    from django.db.migrations.state import ProjectState

    historical = ProjectState.from_apps(apps).apps.get_model("chat", "OpeningHours")
    monkeypatch.setattr(page_cache, "new_version", lambda: pytest.fail("wrote to the cache"))

    page_cache.content_changed(sender=historical, instance=None, created=True)
    page_cache.content_changed(sender=OpeningHours, instance=None, raw=True)


def shopper_with(*items) -> Client:
    """A guest who added ``(product, quantity)`` items and has seen the "added" messages."""
    shopper = Client()
    for product, quantity in items:
        shopper.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity})
    shopper.get("/faq/")
    return shopper


def test_a_changed_basket_or_price_shows_in_the_header_at_once(catalogue):
    first, second = catalogue["products"][0], catalogue["products"][1]
    shopper = shopper_with((first, 1))
    assert mini_basket(shopper.get("/")) == "Basket 1 item £10.99"

    line = shopper.get("/basket/").context["basket"].all_lines()[0]
    line.quantity = 3
    line.save()
    after_line = mini_basket(shopper.get("/"))
    record = first.stockrecords.get()
    record.price = "9.00"
    record.save()
    after_price = mini_basket(shopper.get("/"))

    assert after_line == "Basket 3 items £32.97"
    assert after_price == "Basket 3 items £27.00"
    assert second.title not in after_price


def test_each_shopper_sees_only_their_own_basket(catalogue):
    first, second = catalogue["products"][0], catalogue["products"][1]
    one, other = shopper_with((first, 1)), shopper_with((second, 2))

    pages = [one.get("/"), other.get("/"), one.get("/"), other.get("/")]

    assert [mini_basket(page) for page in pages] == [
        "Basket 1 item £10.99",
        "Basket 2 items £23.98",
        "Basket 1 item £10.99",
        "Basket 2 items £23.98",
    ]
    assert outcome(pages[2]) == "personal hit"


def test_a_full_basket_costs_a_personalised_page_no_basket_query(
    catalogue, django_assert_max_num_queries
):
    products = [product for product in catalogue["products"] if not product.is_parent]
    customer = factories.sign_in(Client(), UserFactory())
    for product in products[:3]:
        customer.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    customer.get("/faq/")  # the messages
    customer.get("/")  # stores the page and the customer's parts

    with django_assert_max_num_queries(5) as queries:
        page = customer.get("/")

    assert outcome(page) == "personal hit" and "Log out" in text(page)
    assert mini_basket(page).startswith("Basket 3 items")
    assert not any("basket_line" in query["sql"] for query in queries.captured_queries)


def test_a_rendered_account_page_takes_the_header_from_the_customers_kept_parts(catalogue):
    product = catalogue["products"][0]
    customer = factories.sign_in(Client(), UserFactory())
    customer.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 2})
    customer.get("/faq/")  # the messages, and the customer's parts kept
    with CaptureQueriesContext(connection) as queries:
        page = customer.get(reverse("customer:profile-view"))

    assert outcome(page) is None and mini_basket(page) == "Basket 2 items £21.98"
    assert not any("basket_line" in query["sql"] for query in queries.captured_queries)


def test_with_the_cache_down_every_visitor_gets_a_page_rendered_once(catalogue, monkeypatch):
    from shop.core.cache import CircuitBreaker
    from shop.storefront import personal_parts
    from tests.core.test_cache_outage import DOWN, DOWN_CACHE

    monkeypatch.setattr(personal_parts, "render_shared", lambda request: pytest.fail("twice"))
    customer = factories.sign_in(Client(), UserFactory())
    CircuitBreaker(DOWN).reset()
    with override_settings(CACHES=DOWN_CACHE):
        pages = [Client().get("/"), customer.get("/"), customer.get("/blog/")]
    CircuitBreaker(DOWN).reset()

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert [outcome(page) for page in pages] == [None, None, None]
    assert "Log out" in text(pages[1])


def test_a_sitemap_is_stored_and_a_new_product_is_listed_at_once(catalogue):
    first, second = Client().get("/sitemap-products.xml"), Client().get("/sitemap-products.xml")
    added = factories.product("Lemon kefir", "3.49")
    third = Client().get("/sitemap-products.xml")

    assert (outcome(first), outcome(second), outcome(third)) == ("miss", "hit", "miss")
    assert second.content == first.content and second["Content-Type"] == first["Content-Type"]
    assert added.get_absolute_url() not in text(second)
    assert added.get_absolute_url() in text(third)


def test_while_one_request_renders_a_new_minute_the_others_get_the_last_minutes_copy(
    product, page_cache_on, monkeypatch
):
    url = product.get_absolute_url()
    stored = Client().get(url)
    page_cache_on.shift(timedelta(minutes=1))
    monkeypatch.setattr(page_cache, "rendering_elsewhere", lambda request, key: True)

    meanwhile = Client().get(url)
    product.stockrecords.update(price="1.23")  # no signal: the version holds
    still = Client().get(url)
    factories.product("Another", "2.00")  # a save: the last minute's copy is out of date
    after_a_save = Client().get(url)

    assert outcome(stored) == "miss" and outcome(meanwhile) == outcome(still) == "hit"
    assert TOKEN.sub("", text(meanwhile)) == TOKEN.sub("", text(stored))
    assert outcome(after_a_save) == "miss" and "1.23" in text(after_a_save)


def test_one_request_at_a_time_renders_a_page_and_lets_go_when_done(product):
    url = product.get_absolute_url()
    request = type("Request", (), {})()

    assert page_cache.rendering_elsewhere(request, "page:x") is False
    assert page_cache.rendering_elsewhere(type("Request", (), {})(), "page:x") is True
    assert outcome(Client().get(url)) == "miss"  # renders under its own lock, then lets go

    assert [key for key in cache._cache if "rendering:" in str(key)] == [":1:rendering:page:x"]
