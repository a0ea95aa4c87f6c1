"""What each provider event does to our orders (Stripe's event names).

Each event is acted on once: its id is stored (``ProcessedEvent``) in the same
transaction as its effect, so a replayed or duplicated delivery does nothing.
Events may arrive in any order: an intent is read back from the provider
(falling back to the signed event's copy), a refund before the payment's own
event first applies the payment, and every effect checks the order's state.
Unknown event types are acknowledged and ignored.
"""

import logging
from datetime import UTC, datetime
from decimal import Decimal

from django.db import transaction
from oscar.core.loading import get_model

from shop.gateways import get_gateway
from shop.gateways.base import Intent, PaymentFailed
from shop.order import services, status
from shop.payments import completion
from shop.payments.alerts import alert_managers
from shop.payments.intents import IntentMismatch, reference_of
from shop.payments.models import ProcessedEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Source = get_model("payment", "Source")

PAYMENT_EVENTS = {
    "payment_intent.succeeded",
    "payment_intent.payment_failed",
    "payment_intent.canceled",
}
CHARGE_EVENTS = {"charge.refunded", "charge.dispute.created"}
HANDLED = PAYMENT_EVENTS | CHARGE_EVENTS


class UnreadableEvent(ValueError):
    """A signed event without the fields its type must have."""


class ProviderUnavailable(Exception):
    """The provider could not be asked about the event; it should be sent again later."""


def handle(event, *, as_intent) -> str:
    """Act on a verified provider ``event``; returns what it did, in a word or two."""
    try:
        event_id, event_type, obj = event["id"], event["type"], event["data"]["object"]
    except (KeyError, TypeError) as error:
        raise UnreadableEvent(f"Event without id, type or object: {error}") from error
    if event_type not in HANDLED:
        return "ignored"
    if ProcessedEvent.objects.filter(event_id=event_id).exists():
        return "duplicate"
    try:
        if event_type in PAYMENT_EVENTS:
            intent = _fresh(as_intent(obj))  # read before any lock: a network call
            act = _PAYMENT_ACTIONS[event_type]
            subject = intent
        else:
            if not obj["payment_intent"]:
                return "no order"  # a charge made outside payment intents is not ours
            reference = str(obj["payment_intent"])
            intent = _fresh_reference(reference)
            if intent is None:  # Stripe will send it again; nothing is stored
                raise ProviderUnavailable(f"Intent {reference} unreadable for {event_type}")
            act = _CHARGE_ACTIONS[event_type]
            subject = obj
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:
        raise UnreadableEvent(f"{event_type} {event_id}: {error!r}") from error
    try:
        with transaction.atomic():
            record, created = ProcessedEvent.objects.get_or_create(
                event_id=str(event_id)[:255], defaults={"event_type": str(event_type)}
            )
            if not created:
                return "duplicate"
            outcome = act(subject, intent) if event_type in CHARGE_EVENTS else act(intent)
            record.outcome = outcome
            record.save(update_fields=["outcome"])
    except (KeyError, TypeError, ValueError, ArithmeticError) as error:  # rolled back
        raise UnreadableEvent(f"{event_type} {event_id}: {error!r}") from error
    logger.info("Event %s (%s): %s", event_id, event_type, outcome)
    return outcome


def _fresh(intent: Intent) -> Intent:
    """The intent as the provider has it now; the event's copy if it cannot be read."""
    try:
        return get_gateway().retrieve(intent.reference)
    except PaymentFailed as error:
        logger.warning("Intent %s unreadable, using the event's copy: %s", intent.reference, error)
        return intent


def _fresh_reference(reference: str) -> Intent | None:
    try:
        return get_gateway().retrieve(reference)
    except PaymentFailed as error:
        logger.warning("Intent %s unreadable: %s", reference, error)
        return None


def _order_of(intent: Intent):
    """The order this intent pays: named in its metadata, and holding this intent."""
    order = Order.objects.filter(number=intent.order_number).first()
    if order is None or reference_of(order) != intent.reference:
        return None
    return order


def _order_by_reference(reference: str):
    source = Source.objects.filter(reference=reference).select_related("order").last()
    return source.order if source else None


def on_succeeded(intent: Intent) -> str:
    order = _order_of(intent)
    if order is None:
        logger.error("Succeeded intent %s matches no order", intent.reference)
        return "no order"
    if not intent.succeeded:
        return f"not succeeded ({intent.status})"
    try:
        return "paid" if completion.complete(order, intent) else "already paid"
    except IntentMismatch:
        alert_managers(
            f"Payment {intent.reference} does not match order #{order.number}",
            f"Stripe says {intent.reference} paid £{intent.amount} {intent.currency} for order "
            f"#{intent.order_number}; the order is for £{order.total_incl_tax} "
            f"{order.currency}. It was not marked paid: check it in Stripe's dashboard.",
        )
        return "mismatch"


def on_failed(intent: Intent) -> str:
    order = _order_of(intent)
    if order is None or order.status != status.PENDING_PAYMENT:
        return "nothing to do"
    reason = intent.failure_message or "no reason given"
    order.notes.create(message=f"A payment attempt failed: {reason}", note_type="System")
    return "noted"


def on_canceled(intent: Intent) -> str:
    order = _order_of(intent)
    if order is None:
        return "nothing to do"
    cancelled = completion.abandon(order, reason="the payment was cancelled at the provider")
    return "cancelled" if cancelled else "nothing to do"


def on_refunded(charge, intent: Intent | None) -> str:
    order = _order_by_reference(str(charge["payment_intent"]))
    if order is None:
        return "no order"
    if not order.payment_events.filter(event_type__name="Paid").exists():
        if intent is None or not intent.succeeded:
            return "not paid yet"
        completion.complete(order, intent)  # the refund came before the payment's own event
    refunded = (Decimal(int(charge["amount_refunded"])) / 100).quantize(Decimal("0.01"))
    # Under the order lock: a refund from our dashboard holds it while it calls the
    # provider, so by now it is either recorded or rolled back.
    completion.services_lock(order)
    already = order.total_incl_tax - services.refundable(order)
    extra = refunded - already
    if extra <= 0:
        return "already recorded"  # a refund made from our dashboard
    extra = services.record_provider_refund(
        order, amount=extra, reference=str(charge["id"]), reason="Refunded at the payment provider."
    )
    if extra <= 0:
        return "already recorded"
    alert_managers(
        f"Refund of £{extra} made outside the store for order #{order.number}",
        f"£{extra} of order #{order.number} was refunded in the payment provider's dashboard "
        "and has been recorded on the order. Check that its stock and customer are in order.",
    )
    return "recorded"


def on_dispute(dispute, intent: Intent | None) -> str:
    order = _order_by_reference(str(dispute["payment_intent"]))
    amount = (Decimal(int(dispute["amount"])) / 100).quantize(Decimal("0.01"))
    reason = str(_get(dispute, "reason") or "no reason given").replace("_", " ")
    due = _get(_get(dispute, "evidence_details"), "due_by")
    due = datetime.fromtimestamp(int(due), tz=UTC).strftime("%d %b %Y %H:%M UTC") if due else ""
    number = order.number if order else "(no matching order)"
    if order is not None:
        order.notes.create(
            message=f"The customer's bank opened a dispute for £{amount}: {reason}.",
            note_type="System",
        )
    alert_managers(
        f"Dispute opened for order #{number}",
        f"A dispute for £{amount} ({reason}) was opened on payment {dispute['payment_intent']} "
        f"for order #{number}."
        + (f" Evidence is due by {due}." if due else "")
        + " Answer it in Stripe's dashboard (Payments > Disputes).",
    )
    return "alerted"


def _get(obj, name):
    if obj is None:
        return None
    try:
        return obj[name]
    except (KeyError, TypeError, AttributeError):
        return None


_PAYMENT_ACTIONS = {
    "payment_intent.succeeded": on_succeeded,
    "payment_intent.payment_failed": on_failed,
    "payment_intent.canceled": on_canceled,
}
_CHARGE_ACTIONS = {"charge.refunded": on_refunded, "charge.dispute.created": on_dispute}
