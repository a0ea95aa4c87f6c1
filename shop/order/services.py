"""The order life cycle: payment confirmed, packed, dispatched, delivered,
cancelled, refunded. Each step checks Oscar's status pipeline, moves stock,
records payment and shipping events and queues the customer's e-mail, all in
one transaction."""

import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class, get_model

from shop.core.site import site_url
from shop.gateways import get_gateway
from shop.gateways.base import PaymentFailed
from shop.order import status

logger = logging.getLogger(__name__)

ConditionalOffer = get_model("offer", "ConditionalOffer")
Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")
VoucherApplication = get_model("voucher", "VoucherApplication")
PaymentEventType = get_model("order", "PaymentEventType")
ShippingEventType = get_model("order", "ShippingEventType")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")

ORDER_DISPATCHED = "ORDER_DISPATCHED"


def _lock(order) -> None:
    """Take the order's row lock for this transaction and reload the caller's instance."""
    Order.objects.select_for_update().filter(pk=order.pk).values_list("pk", flat=True).get()
    order.refresh_from_db()


def _set_status(order, new_status: str, *, note: str = "", user=None) -> None:
    order.set_status(new_status)  # raises InvalidOrderStatus off the pipeline
    if note:
        order.notes.create(message=note, note_type="System", user=user)


def _payment_event(order, name: str, amount: Decimal, reference: str = ""):
    event_type, _ = PaymentEventType.objects.get_or_create(name=name)
    return order.payment_events.create(event_type=event_type, amount=amount, reference=reference)


def _release_stock(order) -> None:
    """Give back stock still allocated to the order (not yet dispatched)."""
    for line in order.lines.select_related("stockrecord"):
        if line.stockrecord and line.num_allocated:
            line.cancel_allocation(line.num_allocated)


@transaction.atomic
def mark_paid(order, *, amount: Decimal, reference: str, source_name: str = "") -> bool:
    """The gateway confirmed payment: Pending payment -> Paid. True if this call did it;
    a repeated confirmation (the return page and the webhook both) changes nothing."""
    _lock(order)
    if order.payment_events.filter(event_type__name="Paid").exists():
        return False
    _payment_event(order, "Paid", amount, reference)
    _set_status(
        order, status.PAID, note=f"Payment confirmed{f' by {source_name}' if source_name else ''}."
    )
    return True


@transaction.atomic
def mark_packed(order, *, user=None) -> None:
    _lock(order)
    _set_status(order, status.PACKED, user=user)


@transaction.atomic
def dispatch_order(order, *, tracking_number: str, user=None) -> None:
    """Hand the parcel to the courier: stock leaves for good, the customer is told.

    A paid order is packed on the way (packing and dispatch are often one step).
    """
    tracking_number = tracking_number.strip()
    if not tracking_number:
        raise InvalidOrderStatus("A tracking number is needed to mark an order dispatched.")
    _lock(order)
    if order.status == status.PAID:
        _set_status(order, status.PACKED, user=user)
    _set_status(
        order, status.DISPATCHED, note=f"Dispatched, tracking {tracking_number}.", user=user
    )
    event_type, _ = ShippingEventType.objects.get_or_create(name="Dispatched")
    event = order.shipping_events.create(event_type=event_type, notes=tracking_number)
    for line in order.lines.select_related("stockrecord"):
        event.line_quantities.create(line=line, quantity=line.quantity)
        if line.stockrecord and line.num_allocated:
            line.consume_allocation(line.num_allocated)
    order.tracking_number = tracking_number
    order.save(update_fields=["tracking_number"])
    _send(order, ORDER_DISPATCHED)


@transaction.atomic
def mark_delivered(order, *, user=None) -> None:
    _lock(order)
    _set_status(order, status.DELIVERED, user=user)


@transaction.atomic
def cancel_order(order, *, reason: str, user=None) -> None:
    """Cancel before dispatch: stock goes back; money taken is refunded in full."""
    _lock(order)
    paid = order.status in (status.PAID, status.PACKED)
    _set_status(order, status.CANCELLED, note=f"Cancelled: {reason}", user=user)
    _release_stock(order)
    if paid:
        left = refundable(order)  # a part refund may already have been made
        if left > 0:
            _refund(order, left)
    else:
        _give_back_discounts(order)


def _give_back_discounts(order) -> None:
    """An order cancelled before payment gives back the voucher and offer uses Oscar
    recorded when it was written, so the shopper can use them on the next try."""
    for discount in order.discounts.all():
        if discount.offer_id:
            ConditionalOffer.objects.filter(pk=discount.offer_id).update(
                num_applications=Greatest(F("num_applications") - (discount.frequency or 0), 0),
                total_discount=F("total_discount") - discount.amount,
                num_orders=Greatest(F("num_orders") - 1, 0),
            )
        if discount.voucher_id:
            Voucher.objects.filter(pk=discount.voucher_id).update(
                total_discount=F("total_discount") - discount.amount
            )
    applications = VoucherApplication.objects.filter(order=order)
    for application in applications:
        Voucher.objects.filter(pk=application.voucher_id).update(
            num_orders=Greatest(F("num_orders") - 1, 0)
        )
    applications.delete()


@transaction.atomic
def refund_order(order, *, amount: Decimal | None = None, reason: str = "", user=None) -> None:
    """Refund what is left to refund (or ``amount`` of it), recorded as a payment event."""
    _lock(order)
    left = refundable(order)
    amount = left if amount is None else amount
    if amount <= 0 or amount > left:
        raise InvalidOrderStatus(f"Up to £{left} can be refunded on this order.")
    _apply_refund(order, amount, left, reason=reason, user=user)
    _refund(order, amount)


@transaction.atomic
def record_provider_refund(order, *, amount: Decimal, reference: str, reason: str) -> Decimal:
    """A refund made at the payment provider (its dashboard): record it, no money moves.
    Returns what was recorded."""
    _lock(order)
    left = refundable(order)
    amount = min(amount, left)
    if amount <= 0:
        return Decimal(0)
    _apply_refund(order, amount, left, reason=reason)
    source = order.sources.first()
    if source:
        source.refund(amount, reference=reference)
    _payment_event(order, "Refunded", amount, reference)
    return amount


def _apply_refund(order, amount: Decimal, left: Decimal, *, reason: str, user=None) -> None:
    """The order's side of a refund: Refunded when nothing is left, stock back if unsent."""
    if amount == left:
        left_the_warehouse = order.status in (status.DISPATCHED, status.DELIVERED)
        _set_status(order, status.REFUNDED, note=f"Refunded {amount}. {reason}".strip(), user=user)
        if not left_the_warehouse:
            _release_stock(order)
    else:
        order.notes.create(message=f"Part refund {amount}. {reason}".strip(), user=user)


def refundable(order) -> Decimal:
    """What was paid minus what has been refunded."""
    events = order.payment_events.select_related("event_type")
    paid = sum((e.amount for e in events if e.event_type.name == "Paid"), Decimal(0))
    refunded = sum((e.amount for e in events if e.event_type.name == "Refunded"), Decimal(0))
    return paid - refunded


def _refund(order, amount: Decimal) -> None:
    """Give ``amount`` back through the gateway, inside the caller's transaction and
    order lock: a failed call rolls the refund back, and the provider's refund
    webhook waits for the lock, so it finds this refund already recorded."""
    source = order.sources.first()
    reference = source.reference if source else ""
    already = order.payment_events.filter(event_type__name="Refunded").count()
    try:
        refund_reference = get_gateway().refund(
            reference=reference,
            amount=amount,
            currency=order.currency,
            idempotency_key=f"refund-{order.number}-{already + 1}-{amount}",
        )
    except PaymentFailed as error:
        logger.error("Order #%s: refund of %s failed: %s", order.number, amount, error)
        raise InvalidOrderStatus(
            "The payment provider could not make the refund; nothing was refunded. "
            "Please try again in a moment."
        ) from error
    if source:
        source.refund(amount, reference=refund_reference)
    _payment_event(order, "Refunded", amount, refund_reference)


def stale_unpaid_orders(now=None):
    """Orders still waiting for payment after SHOP_UNPAID_ORDER_TIMEOUT_MINUTES."""
    cutoff = (now or timezone.now()) - timedelta(minutes=settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES)
    return Order.objects.filter(status=status.PENDING_PAYMENT, date_placed__lt=cutoff)


def review_links(order) -> list[tuple[str, str]]:
    """(product, link) to review each product of a customer's order, once it arrives;
    guests have no account to review from."""
    if order.user_id is None:
        return []
    products = {}
    for line in order.lines.select_related("product__parent"):
        product = line.product and (line.product.parent or line.product)
        if product is not None and product.is_public:
            products[product.pk] = product
    return [
        (
            product.get_title(),
            site_url(
                reverse(
                    "catalogue:reviews-add",
                    kwargs={"product_slug": product.slug, "product_pk": product.pk},
                )
            ),
        )
        for product in products.values()
    ]


def _send(order, event_code: str) -> None:
    """Queue an order e-mail through Oscar's communication types (to the outbox)."""
    dispatcher = OrderDispatcher()
    context = {"order": order, "lines": order.lines.all(), "review_links": review_links(order)}
    messages = dispatcher.dispatcher.get_messages(event_code, context)
    dispatcher.dispatch_order_messages(order, messages, event_code)
