"""Order staff in the dashboard: finding orders, dispatching, refunds, the courier CSV."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop import roles
from shop.order import status
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")


def place(client, email="ada@example.com", postcode="BS1 4XY", quantity=1, name="Ada"):
    item = factories.product(f"Capsules for {email}", "39.99")
    for product, qty in [(item, quantity)]:
        steps.add_to_basket(client, product, qty)
    steps.start_as_guest(client, email)
    steps.give_address(client, postcode=postcode, first_name=name)
    # The Highlands get Standard only (Next Day does not reach them).
    steps.choose_method(client, code="standard" if postcode.startswith("IV") else "next-day")
    steps.place_order(client)
    return Order.objects.get(guest_email=email)


@pytest.fixture
def orders(client):
    factories.delivery_methods()
    made = [
        place(client.__class__(), "ada@example.com", "BS1 4XY"),
        place(client.__class__(), "bob@example.com", "IV2 3AB"),
        place(client.__class__(), "cy@example.com", "M1 1AE", name='=HYPERLINK("http://x")'),
    ]
    OutboxEmail.objects.all().delete()
    return made


@pytest.fixture
def order_staff(client):
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))
    return client


@pytest.mark.parametrize(
    ("query", "expected"),
    [("ada@example.com", ["ada"]), ("iv2 3ab", ["bob"]), ("BOB@EXAMPLE.COM", ["bob"])],
)
def test_orders_are_found_by_email_or_postcode(order_staff, orders, query, expected):
    response = order_staff.get(reverse("dashboard:order-list"), {"order_query": query})

    found = [o.guest_email.split("@")[0] for o in response.context["orders"]]
    assert found == expected


def test_an_order_number_goes_straight_to_the_order(order_staff, orders):
    response = order_staff.get(reverse("dashboard:order-list"), {"order_number": orders[1].number})

    assert response["Location"] == reverse("dashboard:order-detail", args=[orders[1].number])


def test_orders_filter_by_status_delivery_method_and_dispatch_date(order_staff, orders):
    Order.objects.filter(pk=orders[0].pk).update(
        status=status.PACKED, dispatch_on=date(2026, 12, 1)
    )

    by_status = order_staff.get(reverse("dashboard:order-list"), {"status": status.PACKED})
    by_method = order_staff.get(reverse("dashboard:order-list"), {"delivery_method": "Standard"})
    by_date = order_staff.get(reverse("dashboard:order-list"), {"dispatch_on": "2026-12-01"})

    assert list(by_status.context["orders"]) == [orders[0]]
    assert list(by_method.context["orders"]) == [orders[1]]  # Highlands: Standard only
    assert list(by_date.context["orders"]) == [orders[0]]


def test_dispatching_asks_for_a_tracking_number_then_emails_the_customer(order_staff, orders):
    order = orders[0]
    url = reverse("dashboard:order-detail", args=[order.number])

    refused = order_staff.post(url, {"order_action": "dispatch_order", "tracking_number": ""})
    order_staff.post(url, {"order_action": "dispatch_order", "tracking_number": "rm 1234 5678 9gb"})

    assert "This field is required." in refused.content.decode()
    order.refresh_from_db()
    assert order.status == status.DISPATCHED
    assert order.tracking_number == "RM123456789GB"
    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com"
    assert "Tracking number: RM123456789GB" in email.body_text


def test_the_status_form_explains_why_dispatch_needs_the_dispatch_form(order_staff, orders):
    order = orders[0]
    url = reverse("dashboard:order-detail", args=[order.number])
    order_staff.post(url, {"order_action": "change_order_status", "new_status": status.PACKED})

    response = order_staff.post(
        url, {"order_action": "change_order_status", "new_status": status.DISPATCHED}, follow=True
    )

    assert "Use the dispatch form" in text_of(response)
    order.refresh_from_db()
    assert order.status == status.PACKED


def test_staff_refund_part_of_an_order_through_the_gateway(order_staff, orders):
    order = orders[0]
    url = reverse("dashboard:order-detail", args=[order.number])

    too_much = order_staff.post(url, {"order_action": "refund_order", "amount": "100.00"})
    order_staff.post(url, {"order_action": "refund_order", "amount": "5.00", "reason": "dented"})

    assert "At most £39.99 is left to refund." in too_much.content.decode()
    events = [(e.event_type.name, e.amount) for e in order.payment_events.order_by("pk")]
    assert events == [("Paid", D("39.99")), ("Refunded", D("5.00"))]


def test_customer_service_can_read_orders_but_not_change_them(client, orders):
    factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))
    url = reverse("dashboard:order-detail", args=[orders[0].number])

    page = client.get(url)
    change = client.post(url, {"order_action": "change_order_status", "new_status": status.PACKED})

    assert page.status_code == 200
    assert "changing it needs the Order staff role" in text_of(page)
    assert change.status_code == 403
    orders[0].refresh_from_db()
    assert orders[0].status == status.PAID


def test_the_dispatch_list_shows_todays_and_late_orders_only(order_staff, orders):
    today = date.today()
    Order.objects.filter(pk=orders[0].pk).update(dispatch_on=today - timedelta(days=1))
    Order.objects.filter(pk=orders[1].pk).update(dispatch_on=today)
    Order.objects.filter(pk=orders[2].pk).update(dispatch_on=today + timedelta(days=1))

    response = order_staff.get(
        reverse("dashboard:order-dispatch-list"), {"date": today.isoformat()}
    )

    assert list(response.context["orders"]) == [orders[0], orders[1]]
    assert "late" in text_of(response)


def test_packing_slips_print_the_chosen_orders(order_staff, orders):
    response = order_staff.get(
        reverse("dashboard:order-packing-slips"), {"number": [orders[0].number, orders[2].number]}
    )

    html = response.content.decode()
    assert html.count('class="slip"') == 2
    assert f"Order {orders[0].number}" in html and f"Order {orders[2].number}" in html
    assert "page-break-after" in (factories.ROOT / "static/shop/css/packing_slips.css").read_text()


def test_the_courier_csv_has_its_columns_and_cannot_carry_formulas(order_staff, orders):
    day = date.today()
    Order.objects.update(dispatch_on=day)

    response = order_staff.get(reverse("dashboard:order-dispatch-csv"), {"date": day.isoformat()})

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "recipient",
        "address_line_1",
        "address_line_2",
        "address_line_3",
        "town",
        "county",
        "postcode",
        "country",
        "phone",
        "email",
        "weight_kg",
        "service",
        "reference",
    ]
    by_reference = {row[-1]: row for row in rows[1:]}
    assert by_reference[orders[0].number][:2] == ["Ada Lovelace", "1 Orchard Row"]
    assert by_reference[orders[0].number][6:8] == ["BS1 4XY", "GB"]
    assert by_reference[orders[0].number][9:12] == ["ada@example.com", "0.600", "Next Day"]
    assert by_reference[orders[2].number][0] == '\'=HYPERLINK("http://x") Lovelace'


QUERY_CEILINGS = {
    # counted today, with the staff session's two-factor device: 7 and 11
    "dashboard:order-dispatch-list": 10,
    "dashboard:order-list": 15,
}


@pytest.mark.parametrize("name", QUERY_CEILINGS)
def test_dispatch_list_and_order_list_queries_do_not_grow(client, name, queries_do_not_grow):
    factories.delivery_methods()
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))

    def grow(count):
        for n in range(Order.objects.count(), count):
            place(client.__class__(), f"shopper{n}@example.com")
        Order.objects.update(dispatch_on=date.today())

    queries_do_not_grow(
        lambda: client.get(reverse(name)), grow, ceiling=QUERY_CEILINGS[name], sizes=(2, 8)
    )


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("ada@example.com", "order_guest_email_upper"),
        ("ada@example.com", "auth_user_email_upper"),
        ("bs1 4xy", "order_shippingaddress_postcode_upper"),
    ],
)
def test_order_search_looks_up_each_kind_by_its_index_not_a_scan(orders, query, index):
    from django.db import connection

    from shop.dashboard.orders.views import OrderListView

    found = Order.objects.filter(OrderListView.query_filter(query))
    sql, params = found.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # tiny tables: ask for the index
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())

    assert index in plan
    assert {order.guest_email for order in found} == {"ada@example.com"}
