"""An order's payment intent: created or moved at "Place order", read back later.

The intent's reference is kept on the order's payment source (Oscar's
``Source``), with the amount allocated; the amount debited and the card's
brand and last four are filled in when the payment succeeds. Calls to the
provider are made outside any database transaction: no lock waits on the
network.
"""

import hashlib
import logging

from django.db import transaction
from oscar.core.loading import get_model

from shop.gateways import base, get_gateway
from shop.gateways.base import Intent, PaymentFailed

logger = logging.getLogger(__name__)

Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

MOVABLE = frozenset({base.REQUIRES_PAYMENT_METHOD, base.REQUIRES_CONFIRMATION})


class IntentMismatch(PaymentFailed):
    """The intent is not for this order (amount, currency or order number differ)."""


def source_of(order):
    return order.sources.order_by("pk").first()


def reference_of(order) -> str:
    source = source_of(order)
    return source.reference if source else ""


def idempotency_key(order, previous: str = "") -> str:
    """Covers the basket, the order and its total: a retried request gets the same
    intent, a changed total or a new order a new one."""
    raw = f"{order.basket_id}:{order.number}:{order.total_incl_tax}:{order.currency}:{previous}"
    return "order-intent-" + hashlib.sha256(raw.encode()).hexdigest()[:40]


def check_matches(order, intent: Intent) -> None:
    """Refuse an intent whose order number, amount or currency is not this order's."""
    if (
        intent.order_number != order.number
        or intent.amount != order.total_incl_tax
        or intent.currency.upper() != order.currency.upper()
    ):
        logger.error(
            "Intent %s (%s %s for #%s) does not match order #%s (%s %s)",
            intent.reference,
            intent.amount,
            intent.currency,
            intent.order_number,
            order.number,
            order.total_incl_tax,
            order.currency,
        )
        raise IntentMismatch(f"Intent {intent.reference} is not for order #{order.number}.")


def start(order, *, reuse: str = "", save_for_customer: str = "") -> Intent:
    """The intent that pays ``order``: its own if it has one, else ``reuse`` (the
    basket's earlier intent, moved to this order while still unpaid) or a new one.
    With ``save_for_customer`` the card is saved to that customer for later charges."""
    gateway = get_gateway()
    earlier = reference = reference_of(order) or reuse
    if reference:
        current = gateway.retrieve(reference)
        if current.order_number == order.number and current.status not in {base.CANCELED}:
            return current  # this order's intent, open or done: confirm or read it
        if current.status not in MOVABLE:
            reference = ""  # cancelled or another order's finished intent: start afresh
    intent = gateway.prepare(
        reference=reference,
        amount=order.total_incl_tax,
        currency=order.currency,
        order_number=order.number,
        # The earlier intent is in the key, so a fresh start never replays its creation.
        idempotency_key=idempotency_key(order, earlier),
        save_for_customer=save_for_customer,
    )
    attach(order, intent)
    return intent


@transaction.atomic
def attach(order, intent: Intent) -> None:
    """Record ``intent`` as the order's payment source (one source per order)."""
    source_type, _ = SourceType.objects.get_or_create(name=get_gateway().name)
    # The order's row lock: two requests starting the same order make one source.
    type(order).objects.select_for_update().filter(pk=order.pk).values_list("pk").get()
    source = source_of(order)
    if source is None:
        Source.objects.create(
            order=order,
            source_type=source_type,
            currency=order.currency,
            amount_allocated=order.total_incl_tax,
            reference=intent.reference,
        )
    elif source.reference != intent.reference:
        source.reference = intent.reference
        source.save(update_fields=["reference"])
