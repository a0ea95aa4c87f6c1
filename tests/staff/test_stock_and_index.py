"""Stock levels, low-stock e-mail to Order staff, and the role-aware dashboard index."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from shop import roles
from shop.outbox.models import OutboxEmail
from shop.partner.stock import queue_low_stock_emails
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def stock(db):
    factories.delivery_methods()
    item = factories.product("Live Milk Kefir Grains", "14.99", num_in_stock=12)
    StockRecord.objects.filter(product=item).update(low_stock_threshold=10, partner_sku="GRAINS")
    return StockRecord.objects.get(product=item)


def test_order_staff_see_stock_per_product_and_size(client, stock):
    kefir = factories.parent_with_sizes("Goat's Milk Kefir", {"500 ml": ("4.49", {})})
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))

    text = text_of(client.get(reverse("dashboard:stock-level-list")))

    assert "Live Milk Kefir Grains GRAINS 12 0 12 10" in text
    assert f"{kefir.title}, 500 ml" in text


def test_a_sale_below_the_threshold_emails_order_staff_once(client, stock):
    factories.staff_user(roles.ORDER_STAFF, email="packer@kepos.example")
    factories.staff_user(roles.MARKETING, email="marketer@kepos.example")

    steps.place_order(
        client, token=steps.guest_checkout(client, [(stock.product, 3)])
    )  # 12 -> 9 available
    queue_low_stock_emails()  # again: nothing new to say

    alerts = OutboxEmail.objects.filter(subject__startswith="Low stock")
    assert [(e.to, e.subject) for e in alerts] == [
        ("packer@kepos.example", "Low stock: Live Milk Kefir Grains (GRAINS)")
    ]
    assert "In stock: 12, allocated to orders: 3" in alerts.get().body_text


def test_staff_update_stock_and_cannot_go_below_what_is_allocated(client, stock):
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))
    StockRecord.objects.filter(pk=stock.pk).update(num_allocated=5)
    url = reverse("dashboard:stock-level-update", kwargs={"pk": stock.pk})

    refused = client.post(url, {"num_in_stock": "4", "low_stock_threshold": "10"})
    client.post(url, {"num_in_stock": "40", "low_stock_threshold": "8"})

    assert "5 are already allocated to orders" in refused.content.decode()
    stock.refresh_from_db()
    assert (stock.num_in_stock, stock.low_stock_threshold) == (40, 8)


def test_the_low_stock_filter(client, stock):
    factories.product("Plenty", "5.00", num_in_stock=500)
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))
    StockRecord.objects.filter(pk=stock.pk).update(num_in_stock=3)

    response = client.get(reverse("dashboard:stock-level-list"), {"low": "1"})

    assert [r.product.title for r in response.context["records"]] == ["Live Milk Kefir Grains"]


def test_marketing_edits_product_copy_but_not_stock(client, stock):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    page = client.get(reverse("dashboard:catalogue-product", kwargs={"pk": stock.product.pk}))

    assert page.status_code == 200
    assert "stockrecords-TOTAL_FORMS" not in page.content.decode()


PANELS = {"orders", "sales", "stock", "offers"}


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        (roles.ORDER_STAFF, {"orders", "stock"}),
        (roles.CUSTOMER_SERVICE, {"orders"}),
        (roles.MARKETING, {"offers"}),
        (roles.MANAGERS, PANELS),
    ],
)
def test_the_dashboard_index_shows_each_role_its_own_areas(client, stock, role, shown):
    factories.sign_in(client, factories.staff_user(role))

    html = client.get(reverse("dashboard:index")).content.decode()

    assert {panel for panel in PANELS if f'id="{panel}-heading"' in html} == shown
    if "sales" not in shown:
        assert "including VAT" not in html  # no revenue figure anywhere


def test_stock_level_list_queries_do_not_grow(client, queries_do_not_grow):
    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))
    made = []

    def grow(records):
        made.extend(factories.product(f"Item {n}", "5.00") for n in range(len(made), records))

    # 7 today, with the staff session's two-factor device
    url = reverse("dashboard:stock-level-list")
    queries_do_not_grow(lambda: client.get(url), grow, ceiling=10, sizes=(2, 20))
