"""A GET changes nothing: every state change is a POST with a CSRF token.

A signed-in Manager who loads a URL (an image in a chat message, a link in an
e-mail) must not grant, delete or change anything by doing so. Every URL of
the site is read as a Manager, with real objects in its arguments, and the
whole database is compared before and after each request.
"""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop import roles
from tests import factories
from tests.security import world as hostile_world
from tests.security.routes import every_route

pytestmark = pytest.mark.django_db

Country = get_model("address", "Country")
Partner = get_model("partner", "Partner")
ProductAlert = get_model("customer", "ProductAlert")
UserAddress = get_model("address", "UserAddress")
WishList = get_model("wishlists", "WishList")

# Writes a GET may make, by table (None: any column), each with its reason.
ALLOWED_WRITES = {
    "django_session": (None, "the visitor's own session (messages, checkout steps, sign-in)"),
    "thumbnail_kvstore": (None, "sorl-thumbnail records each thumbnail it renders"),
    "chat_conversation": (
        {"staff_read_up_to", "visitor_seen_at"},
        "reading a chat marks it read: for staff who open it, for the visitor whose page polls",
    ),
    "communication_notification": ({"date_read"}, "opening a notification marks it read"),
}


def write_counts():
    """How many rows this connection has written so far: per table on PostgreSQL (this
    transaction's statistics), in total on SQLite. Cheap, so the walk reads tables
    again only after a request that wrote something."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_xact_user_tables"
            )
            return {row[0]: row[1:] for row in cursor.fetchall()}
        cursor.execute("SELECT total_changes()")
        return cursor.fetchone()[0]


def snapshot(tables=None) -> dict[str, tuple[list[str], list[tuple]]]:
    """Tables' columns and rows (sorted), read straight from the database."""
    state = {}
    with connection.cursor() as cursor:
        for table in tables or connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            state[table] = (columns, sorted(cursor.fetchall(), key=repr))
    return state


def written_tables(counts_before, counts_after) -> list[str] | None:
    """The tables a request wrote to (None: some, unknown which)."""
    if counts_before == counts_after:
        return []
    if isinstance(counts_after, dict):
        return [t for t, n in counts_after.items() if counts_before.get(t) != n]
    return None


def changed_columns(before, after) -> set[str]:
    """The columns whose values differ, rows matched by their first column (the id)."""
    columns = after[0] or before[0]
    old = {row[0]: row for row in before[1]}
    new = {row[0]: row for row in after[1]}
    found = {"(rows)"} if old.keys() != new.keys() else set()
    for key in old.keys() | new.keys():
        a, b = old.get(key), new.get(key)
        if a != b:
            found |= {c for i, c in enumerate(columns) if a is None or b is None or a[i] != b[i]}
    return found


def changes(before, after) -> list[str]:
    found = []
    for table in sorted(set(before) | set(after)):
        old, new = before.get(table, ([], [])), after.get(table, ([], []))
        if old == new:
            continue
        columns = changed_columns(old, new)
        allowed, _reason = ALLOWED_WRITES.get(table, (set(), ""))
        if allowed is None or columns <= allowed:
            continue
        found.append(f"{table}: {', '.join(sorted(columns))}")
    return found


def test_no_get_changes_data_for_a_signed_in_manager():
    world = hostile_world.build()
    client = Client(raise_request_exception=False)
    factories.sign_in(client, world.manager)
    client.get("/")  # the session and basket exist before the walk starts
    problems = []

    state = snapshot()
    for route in every_route(world):
        counts = write_counts()
        response = client.get(route.url)
        tables = written_tables(counts, write_counts())
        if tables != []:
            after = {**state, **snapshot(tables)}
            problems += [f"{route.name} {route.url}: {c}" for c in changes(state, after)]
            state = after
        if response.status_code >= 500:
            problems.append(f"{route.name} {route.url}: answered {response.status_code}")
        if "_auth_user_id" not in client.session:
            problems.append(f"{route.name} {route.url}: signed the Manager out")
            factories.sign_in(client, world.manager)
            state = snapshot()

    assert not problems, "\n".join(problems)


def test_the_walk_would_see_a_write(client):
    """The snapshot notices a change in any table, so the walk above can fail."""
    world = hostile_world.build()
    before = snapshot()

    world.partner.users.add(world.customer)

    assert changes(before, snapshot()) == ["partner_partner_users: (rows), id, partner_id, user_id"]


# --- The state changes that used to answer GET, one by one ---


@pytest.fixture
def shopper(client):
    user = UserFactory()
    factories.sign_in(client, user)
    return user


def test_signing_out_takes_a_post_and_a_get_only_asks(client, shopper):
    page = client.get(reverse("customer:logout"))

    assert page.status_code == 200
    assert "Sign out?" in page.content.decode()
    assert "_auth_user_id" in client.session
    client.post(reverse("customer:logout"))
    assert "_auth_user_id" not in client.session


def test_the_header_signs_out_with_a_form(client, shopper):
    html = client.get("/").content.decode()

    assert f'<form method="post" action="{reverse("customer:logout")}">' in html
    assert f'href="{reverse("customer:logout")}"' not in html


def test_linking_a_partner_user_refuses_a_get_and_grants_nothing():
    manager = factories.staff_user(roles.MANAGERS)
    customer = UserFactory()
    partner = Partner.objects.create(name="kēpos Ltd")
    client = Client()
    factories.sign_in(client, manager)
    url = reverse("dashboard:partner-user-link", args=[partner.pk, customer.pk])

    refused = client.get(url)

    assert refused.status_code == 405
    assert not partner.users.exists()
    assert not customer.user_permissions.exists()
    client.post(url)
    assert list(partner.users.all()) == [customer]


def test_a_wish_list_is_neither_created_nor_filled_by_a_get(client, shopper):
    item = factories.product("kēpos", "39.99")

    refused = client.get(reverse("customer:wishlists-add-product", args=[item.pk]))

    assert refused.status_code == 405
    assert not WishList.objects.exists()
    client.post(reverse("customer:wishlists-add-product", args=[item.pk]))
    assert WishList.objects.get(owner=shopper).lines.get().product == item


def test_a_default_address_is_set_by_its_button_only(client, shopper):
    address = UserAddress.objects.create(
        user=shopper, first_name="Ada", last_name="L", line1="1 Row", line4="Bristol",
        postcode="BS1 4XY", country=Country.objects.get(iso_3166_1_a2="GB"),
    )  # fmt: skip
    url = reverse("customer:address-change-status", args=[address.pk, "default_for_shipping"])

    assert client.get(url).status_code == 405
    address.refresh_from_db()
    assert not address.is_default_for_shipping
    address_book = client.get(reverse("customer:address-list")).content.decode()
    assert f'<form method="post" action="{url}"' in address_book
    client.post(url)
    address.refresh_from_db()
    assert address.is_default_for_shipping


@pytest.mark.parametrize("action", ["alerts-confirm", "alerts-cancel-by-key"])
def test_an_alert_emails_link_opens_a_page_whose_button_acts(client, action):
    item = factories.product("Goat's milk kefir", "4.49", num_in_stock=0)
    alert = ProductAlert.objects.create(email="ada@example.com", product=item)
    url = reverse(f"customer:{action}", args=[alert.key])

    page = client.get(url)

    assert page.status_code == 200
    assert "<button" in page.content.decode()
    assert ProductAlert.objects.get(pk=alert.pk).status == ProductAlert.UNCONFIRMED
    client.post(url)
    expected = ProductAlert.ACTIVE if action == "alerts-confirm" else ProductAlert.CANCELLED
    assert ProductAlert.objects.get(pk=alert.pk).status == expected


def test_cancelling_an_alert_never_redirects_off_the_site(client, shopper):
    item = factories.product("Goat's milk kefir", "4.49", num_in_stock=0)
    alert = ProductAlert.objects.create(user=shopper, product=item, status=ProductAlert.ACTIVE)
    url = reverse("customer:alerts-cancel-by-pk", args=[alert.pk])

    response = client.post(f"{url}?next=https://evil.example/")

    assert response["Location"] == item.get_absolute_url()
    assert ProductAlert.objects.get(pk=alert.pk).status == ProductAlert.CANCELLED
