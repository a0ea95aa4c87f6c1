"""What a payment's outcome does to its order, whoever learns it first.

The return page, the provider's webhook, the stale-order job and the
reconciliation command all call ``complete`` with the intent they read. The
order row lock makes it happen exactly once: the order becomes *Paid*, its
source records the card, the basket is submitted and the confirmation e-mail
is queued in the same transaction, so the shopper gets one e-mail whichever
path arrives first (or both).
"""

import logging

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_class, get_model

from shop.gateways import get_gateway
from shop.gateways.base import Intent
from shop.order import services, status
from shop.order.vat import order_vat_rows
from shop.payments.alerts import alert_managers
from shop.payments.intents import check_matches, source_of
from shop.payments.signals import order_paid

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Voucher = get_model("voucher", "Voucher")
OrderDispatcher = get_class("order.utils", "OrderDispatcher")


@transaction.atomic
def complete(order, intent: Intent) -> bool:
    """Mark ``order`` paid by the succeeded ``intent``; True if this call did it.

    Raises ``IntentMismatch`` for an intent that is not this order's. A payment
    for an order already cancelled is not applied: the Managers are told, to
    refund it or reinstate the order.
    """
    check_matches(order, intent)
    if not intent.succeeded:
        raise ValueError(f"Intent {intent.reference} has not succeeded ({intent.status}).")
    try:
        newly_paid = services.mark_paid(
            order, amount=intent.amount, reference=intent.reference, source_name=get_gateway().name
        )
    except InvalidOrderStatus:
        logger.error("Order #%s is %s but intent %s succeeded", order.number, order.status, intent)
        alert_managers(
            f"Payment received for {order.status.lower()} order #{order.number}",
            f"Payment {intent.reference} of £{intent.amount} succeeded, but order "
            f"#{order.number} is {order.status}. Refund the payment in the payment provider's "
            "dashboard, or contact the customer.",
        )
        return False
    if not newly_paid:
        return False
    source = source_of(order)
    if source is not None:
        source.amount_debited = intent.amount
        source.label = intent.card_label
        source.save(update_fields=["amount_debited", "label"])
    Basket.objects.filter(pk=order.basket_id).exclude(status=Basket.SUBMITTED).update(
        status=Basket.SUBMITTED, date_submitted=timezone.now()
    )
    record_voucher_usage(order)
    send_confirmation(order)
    order_paid.send(sender=Order, order=order, intent=intent)
    logger.info("Order #%s paid by %s", order.number, intent.reference)
    return True


def record_voucher_usage(order) -> None:
    """The vouchers the order used, recorded now it is paid (Oscar does it when the
    order is written; see shop.order.utils.OrderCreator)."""
    voucher_ids = {d.voucher_id for d in order.discounts.all() if d.voucher_id}
    user = order.user if order.user_id else AnonymousUser()
    for voucher in Voucher.objects.filter(pk__in=voucher_ids):
        voucher.record_usage(order, user)


def send_confirmation(order) -> None:
    """Queue the order confirmation e-mail (Oscar's ORDER_PLACED type) to the outbox."""
    context = {
        "user": order.user,
        "order": order,
        "lines": order.lines.all(),
        "vat_rows": order_vat_rows(order),
    }
    try:  # where to follow the order, as Oscar's checkout puts it
        if order.user_id:
            path = reverse("customer:order", kwargs={"order_number": order.number})
        else:
            path = reverse(
                "customer:anon-order",
                kwargs={"order_number": order.number, "hash": order.verification_hash()},
            )
    except NoReverseMatch:
        pass
    else:
        context["status_path"] = path
    OrderDispatcher(logger=logger).send_order_placed_email_for_user(order, context)


@transaction.atomic
def abandon(order, *, reason: str) -> bool:
    """Cancel an unpaid order (its stock goes back) and give the shopper their basket
    back to edit; True if this call cancelled it."""
    services_lock(order)
    if order.status != status.PENDING_PAYMENT:
        return False
    services.cancel_order(order, reason=reason)
    Basket.objects.filter(pk=order.basket_id, status=Basket.FROZEN).update(status=Basket.OPEN)
    return True


def services_lock(order) -> None:
    Order.objects.select_for_update().filter(pk=order.pk).values_list("pk", flat=True).get()
    order.refresh_from_db()
