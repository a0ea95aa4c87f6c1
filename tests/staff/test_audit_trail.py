"""Managers can see who changed an order, a price, stock, a role or a user: when, and from
what to what. Customers' own checkouts are not staff changes and are not recorded."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop import roles
from shop.audit.models import AuditEntry
from shop.order import status
from tests import factories
from tests.staff.test_orders_dashboard import orders, place  # noqa: F401  (a fixture, a step)

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")
Order = get_model("order", "Order")


def staff(role, email):
    return factories.sign_in(Client(), factories.staff_user(role, email=email))


def test_a_customers_checkout_records_nothing(orders):  # noqa: F811
    assert not AuditEntry.objects.exists()


def test_an_order_status_change_names_who_and_what_it_was(orders):  # noqa: F811
    packer = staff(roles.ORDER_STAFF, "packer@kepos.example")
    order = orders[0]

    packer.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {"order_action": "change_order_status", "new_status": status.PACKED},
    )

    entry = AuditEntry.objects.get(model="order.order", object_id=str(order.pk))
    assert entry.actor_email == "packer@kepos.example"
    assert entry.action == "changed"
    assert entry.changes["status"] == [status.PAID, status.PACKED]
    assert entry.path == f"/dashboard/orders/{order.number}/"


def test_price_and_stock_edits_keep_before_and_after():
    product = factories.product("Live Milk Kefir Grains", "14.99")
    record = product.stockrecords.get()
    record.num_in_stock = 12
    record.save()  # no staff request: not recorded
    manager = staff(roles.MANAGERS, "boss@kepos.example")

    manager.post(
        reverse("dashboard:stock-level-update", kwargs={"pk": record.pk}),
        {"num_in_stock": "40", "low_stock_threshold": "8"},
    )
    record.refresh_from_db()
    record.price = "12.99"
    with_request_of(manager, record.save)

    stock, price = AuditEntry.objects.filter(model="partner.stockrecord").order_by("id")
    assert stock.changes["num_in_stock"] == ["12", "40"]
    assert stock.actor_email == "boss@kepos.example"
    assert price.changes == {"price": ["14.99", "12.99"]}


def with_request_of(client, action):
    """Run ``action`` as if inside a request of ``client``'s user."""
    from django.test import RequestFactory

    from shop.audit.recorder import acting

    request = RequestFactory().post("/dashboard/catalogue/")
    request.user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    with acting(request):
        action()


def test_roles_and_powers_given_in_the_admin_are_recorded():
    manager = staff(roles.MANAGERS, "boss@kepos.example")
    person = UserFactory(email="new.hire@kepos.example", username="new.hire")
    marketing = Group.objects.get(name=roles.MARKETING)

    response = manager.post(
        reverse("admin:auth_user_change", args=[person.pk]),
        {
            "username": person.username,
            "email": person.email,
            "first_name": "New",
            "last_name": "Hire",
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [marketing.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "09:00:00",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    entries = AuditEntry.objects.filter(model="auth.user", object_id=str(person.pk))
    changed = {field: change for e in entries for field, change in e.changes.items()}
    assert changed["is_superuser"] == ["False", "True"]
    assert changed["is_staff"] == ["False", "True"]
    assert changed["groups"] == [None, roles.MARKETING]
    assert {e.actor_email for e in entries} == {"boss@kepos.example"}


def test_a_password_change_is_recorded_without_the_password():
    manager = staff(roles.MANAGERS, "boss@kepos.example")
    person = UserFactory(email="ada@example.com")

    manager.post(
        reverse("admin:auth_user_password_change", args=[person.pk]),
        {"password1": "an-entirely-new-passphrase", "password2": "an-entirely-new-passphrase"},
    )

    entry = AuditEntry.objects.get(model="auth.user", object_id=str(person.pk))
    assert entry.changes == {"password": ["(changed)", ""]}


def test_managers_read_the_trail_and_nobody_edits_it():
    manager = staff(roles.MANAGERS, "boss@kepos.example")
    UserFactory(email="someone@example.com")
    person = UserFactory(email="x@example.com")
    with_request_of(manager, lambda: person.groups.add(Group.objects.get(name=roles.MARKETING)))
    entry = AuditEntry.objects.get()

    listing = manager.get(reverse("admin:audit_auditentry_changelist"))
    assert listing.status_code == 200
    assert "x@example.com" in listing.content.decode()
    assert manager.get(reverse("admin:audit_auditentry_change", args=[entry.pk])).status_code == 200
    assert (
        manager.post(reverse("admin:audit_auditentry_delete", args=[entry.pk])).status_code == 403
    )
    marketing = staff(roles.MARKETING, "writer@kepos.example")
    assert marketing.get(reverse("admin:audit_auditentry_changelist")).status_code == 403


def test_the_trail_lists_in_a_fixed_number_of_queries(queries_do_not_grow):
    manager = staff(roles.MANAGERS, "boss@kepos.example")
    marketing = Group.objects.get(name=roles.MARKETING)

    def grow(size):
        for n in range(AuditEntry.objects.count(), size):
            person = UserFactory(email=f"p{n}@example.com")
            with_request_of(manager, lambda p=person: p.groups.add(marketing))

    # 12 today
    url = reverse("admin:audit_auditentry_changelist")
    queries_do_not_grow(lambda: manager.get(url), grow, ceiling=16)
