"""The order life cycle: the pipeline is enforced, stock follows, refunds are recorded."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from shop.order import services, status
from shop.order.processing import EventHandler
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def paid_order(client):
    factories.delivery_methods()
    item = factories.product("kēpos 30-day", "39.99", num_in_stock=10)
    steps.place_order(client, token=steps.guest_checkout(client, [(item, 2)]))
    OutboxEmail.objects.all().delete()  # the confirmation; these tests look at what follows
    return Order.objects.get()


def stock(order):
    return StockRecord.objects.get(pk=order.lines.get().stockrecord_id)


def test_a_paid_order_moves_along_the_pipeline_to_delivered(paid_order):
    services.mark_packed(paid_order)
    services.dispatch_order(paid_order, tracking_number="RM123456789GB")
    services.mark_delivered(paid_order)

    paid_order.refresh_from_db()
    assert paid_order.status == status.DELIVERED
    assert paid_order.tracking_number == "RM123456789GB"
    record = stock(paid_order)
    assert (record.num_in_stock, record.num_allocated) == (8, 0)  # dispatch consumed the allocation


@pytest.mark.parametrize(
    ("steps_before", "target"),
    [
        ([], status.DELIVERED),
        ([], status.PENDING_PAYMENT),
        (["cancel"], status.PAID),
    ],
)
def test_the_pipeline_refuses_jumps(paid_order, steps_before, target):
    if "cancel" in steps_before:
        services.cancel_order(paid_order, reason="customer asked")
        paid_order.refresh_from_db()

    with pytest.raises(InvalidOrderStatus):
        paid_order.set_status(target)


def test_dispatch_needs_a_tracking_number_and_emails_the_customer(paid_order):
    services.mark_packed(paid_order)
    with pytest.raises(InvalidOrderStatus, match="tracking number"):
        services.dispatch_order(paid_order, tracking_number="  ")

    services.dispatch_order(paid_order, tracking_number="RM123456789GB")

    email = OutboxEmail.objects.get()
    assert email.to == "guest@example.com"
    assert email.subject == f"Your kēpos order {paid_order.number} is on its way"
    assert "Tracking number: RM123456789GB" in email.body_text
    assert paid_order.shipping_events.get().notes == "RM123456789GB"


def test_cancelling_a_paid_order_releases_stock_and_refunds_in_full(paid_order):
    services.cancel_order(paid_order, reason="out of date")

    paid_order.refresh_from_db()
    assert paid_order.status == status.CANCELLED
    assert stock(paid_order).num_allocated == 0
    events = {e.event_type.name: e.amount for e in paid_order.payment_events.all()}
    assert events == {"Paid": D("79.98"), "Refunded": D("79.98")}
    assert paid_order.sources.get().amount_refunded == D("79.98")


def test_a_part_refund_is_a_payment_event_and_a_full_one_ends_the_order(paid_order):
    services.refund_order(paid_order, amount=D("10.00"), reason="one bottle broke")
    paid_order.refresh_from_db()
    assert paid_order.status == status.PAID
    assert services.refundable(paid_order) == D("69.98")

    with pytest.raises(InvalidOrderStatus, match="Up to £69.98"):
        services.refund_order(paid_order, amount=D("70.00"))

    services.refund_order(paid_order)  # the rest
    paid_order.refresh_from_db()
    assert paid_order.status == status.REFUNDED
    assert services.refundable(paid_order) == D("0.00")


def test_status_changes_from_the_dashboard_go_through_the_services(paid_order):
    handler = EventHandler()
    with pytest.raises(InvalidOrderStatus, match="dispatch form"):
        handler.handle_order_status_change(paid_order, status.DISPATCHED)

    handler.handle_order_status_change(paid_order, status.CANCELLED, note_msg="duplicate")

    paid_order.refresh_from_db()
    assert paid_order.status == status.CANCELLED
    assert stock(paid_order).num_allocated == 0


def test_a_repeated_payment_confirmation_changes_nothing(paid_order):
    services.mark_paid(paid_order, amount=paid_order.total_incl_tax, reference="again")

    assert paid_order.payment_events.count() == 1


def pending_order(minutes_old: int):
    item = factories.product(f"Item {minutes_old}", "5.00", num_in_stock=5)
    basket = factories.basket_with((item, 1))
    from oscar.apps.order.utils import OrderCreator
    from oscar.core.prices import Price
    from oscar.test.factories import ShippingAddressFactory

    order = OrderCreator().place_order(
        basket=basket,
        total=Price("GBP", excl_tax=basket.total_excl_tax, incl_tax=basket.total_incl_tax),
        shipping_method=factories.delivery_methods()["Next Day"],
        shipping_charge=Price("GBP", excl_tax=D("0.00"), tax=D("0.00")),
        shipping_address=ShippingAddressFactory(),
        order_number=str(200000 + minutes_old),
    )
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(minutes=minutes_old)
    )
    return Order.objects.get(pk=order.pk)


def test_stale_unpaid_orders_are_cancelled_and_their_stock_released(settings):
    settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES = 60
    stale, fresh = pending_order(90), pending_order(10)
    assert stale.status == status.PENDING_PAYMENT
    assert stock(stale).num_allocated == 1

    call_command("cancel_stale_orders", verbosity=0)
    call_command("cancel_stale_orders", verbosity=0)  # idempotent

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == status.CANCELLED
    assert stock(stale).num_allocated == 0
    assert fresh.status == status.PENDING_PAYMENT
    assert stock(fresh).num_allocated == 1
