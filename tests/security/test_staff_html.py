"""Whatever anyone wrote, no page runs it.

One payload in every prose field of every model people write (staff and
customers alike), then every page of the site, storefront, dashboard and
admin, read as a Manager and as a visitor: the payload may show as text, never
as a live tag, handler or script URL. The rich-text fields also store only the
allow-list, so Oscar's own ``|safe`` prints sanitised text.
"""

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop.core.sanitise import sanitise_html
from shop.core.staff_html import HTML_FIELDS
from tests import factories
from tests.security import world as hostile_world
from tests.security.hostile import PAYLOAD, live_markup
from tests.security.routes import every_route

pytestmark = pytest.mark.django_db

Range = get_model("offer", "Range")

# Pages that end the walk's session or only answer other methods; their own tests
# cover them (tests/security/test_safe_methods.py).
NOT_READ = {"customer:logout", "dashboard:logout"}
# Searches and filters that echo or match the payload.
WITH_QUERIES = [
    ("search:search", "?q=Hostile"),
    ("faq:index", "?q=Hostile"),
    ("catalogue:index", "?sort_by=title-asc"),
    ("dashboard:catalogue-category-list", "?name=Hostile"),
    ("dashboard:catalogue-product-list", "?title=Hostile"),
    ("dashboard:order-list", "?search=Hostile"),
    ("dashboard:users-index", "?search=Hostile"),
    ("dashboard:range-list", "?name=Hostile"),
    ("dashboard:offer-list", "?name=Hostile"),
    ("dashboard:voucher-list", "?name=Hostile"),
    ("dashboard:reviews-list", "?keyword=Hostile"),
    ("dashboard:stock-level-list", "?q=Hostile"),
    ("dashboard:chat-inbox", "?tab=all"),
]


@pytest.fixture
def world():
    return hostile_world.build()


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def read_everything(client: Client, routes, *, sign_in=None) -> list[str]:
    problems = []
    for route in routes:
        if route.name in NOT_READ:
            continue
        response = client.get(route.url)
        if response.status_code >= 500:
            problems.append(f"{route.name} {route.url}: {response.status_code}")
            continue
        if response.get("Content-Type", "").startswith("text/html"):
            problems += [f"{route.name} {route.url}: {p}" for p in live_markup(body(response))]
        if sign_in and "_auth_user_id" not in client.session:
            sign_in()
    return problems


# The admin's pages that show what people wrote (its add, delete and history pages
# show only names, which Django escapes like these).
ADMIN_READING = ("_changelist", "_change", "_revisions", "admin:index", "admin:app_list")


def shows_text(route) -> bool:
    return not route.name.startswith("admin:") or route.name.endswith(ADMIN_READING)


def with_queries(world):
    routes = [
        type(route)(route.name, route.url + query)
        for route in every_route(world)
        for name, query in WITH_QUERIES
        if route.name == name
    ]
    for owner, name in (
        (world.article, "admin:blog_article_revisions"),
        (world.landing_page, "admin:landing_landingpage_revisions"),
    ):
        older, newer = owner.revisions.order_by("pk")[:2]
        compare = f"{reverse(name, args=[owner.pk])}?older={older.pk}&newer={newer.pk}"
        routes.append(type(routes[0])(name, compare))
    return routes


def test_the_payload_is_everywhere_it_should_be(world):
    """The walk reads pages that really hold the payload (else it proves nothing)."""
    client = Client(raise_request_exception=False)
    factories.sign_in(client, world.manager)

    product_page = client.get(world.product.get_absolute_url()).content.decode()
    offers = client.get(reverse("offer:list")).content.decode()

    assert "xss7731" in product_page and "xss7731" in offers
    assert (
        "Hostile"
        in client.get(reverse("dashboard:order-detail", args=[world.order.number])).content.decode()
    )


def test_no_page_runs_what_anyone_wrote_as_seen_by_a_manager(world):
    client = Client(raise_request_exception=False)
    factories.sign_in(client, world.manager)
    from tests.checkout_steps import choose_method, give_address

    give_address(client)
    choose_method(client, world.delivery_method.code)

    problems = read_everything(
        client,
        [route for route in every_route(world) if shows_text(route)] + with_queries(world),
        sign_in=lambda: factories.sign_in(client, world.manager),
    )

    assert not problems, "\n".join(problems)


def test_no_page_runs_what_anyone_wrote_as_seen_by_a_visitor(world):
    client = Client(raise_request_exception=False)
    storefront = [
        route
        for route in [*every_route(world), *with_queries(world)]
        if not route.name.startswith(("dashboard:", "admin:"))
    ]

    problems = read_everything(client, storefront)

    assert not problems, "\n".join(problems)


def test_html_fields_store_only_the_allow_list(world):
    checked = 0
    for label, fields in HTML_FIELDS.items():
        for row in apps.get_model(label)._default_manager.all():
            for name in fields:
                stored = getattr(row, name) or ""
                assert stored == sanitise_html(stored), f"{label}.{name}"
                assert live_markup(stored) == [], f"{label}.{name}"
                checked += bool(stored)

    assert checked >= len(HTML_FIELDS)  # the world filled every one of them


def test_oscar_fields_printed_with_safe_hold_sanitised_html_after_any_save():

    product_range = Range.objects.create(name="Summer", description=PAYLOAD)

    product_range.refresh_from_db()
    assert live_markup(product_range.description) == []
    assert product_range.description == sanitise_html(PAYLOAD)


def test_the_data_migration_cleans_rows_stored_before_sanitising_on_save():
    from importlib import import_module

    from django.contrib.flatpages.models import FlatPage
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from oscar.test.factories import create_product

    migration = import_module("shop.core.migrations.0001_sanitise_stored_html")
    product = create_product(title="Old copy")
    page = FlatPage.objects.create(url="/old/", title="Old page")
    product_range = Range.objects.create(name="Old range")
    for item in (product, page, product_range):  # update() skips the receivers, like old rows
        field = {"Product": "description", "FlatPage": "content", "Range": "description"}
        type(item).objects.filter(pk=item.pk).update(**{field[type(item).__name__]: PAYLOAD})

    # The models as that migration saw them (the FAQ was still the blog's then).
    state = MigrationLoader(connection).project_state(("shop_core", "0001_sanitise_stored_html"))
    migration.sanitise_stored_html(state.apps, schema_editor=None)

    product.refresh_from_db()
    page.refresh_from_db()
    product_range.refresh_from_db()
    for stored in (product.description, page.content, product_range.description):
        assert stored == sanitise_html(PAYLOAD)
        assert live_markup(stored) == []
