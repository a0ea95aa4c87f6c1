"""Reconciliation: does every payment the provider took have its paid order, and
every paid order its payment?

For a date range it lists succeeded intents whose order is not *Paid* (the
webhook and the return page both missed it) and can fix them (an order
still Pending payment is completed; one already cancelled is left for a
person, who refunds or reinstates it), and *Paid* orders without a succeeded
intent (for a person to look at; never changed automatically).
"""

from dataclasses import dataclass, field
from datetime import datetime

from oscar.core.loading import get_model

from shop.gateways import get_gateway
from shop.gateways.base import Intent, PaymentFailed
from shop.order import status
from shop.payments import completion
from shop.payments.intents import IntentMismatch, reference_of

Order = get_model("order", "Order")


@dataclass
class Reconciliation:
    paid_without_order: list[tuple[Intent, object]] = field(default_factory=list)
    orders_without_payment: list[tuple[object, str]] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)


def _is_paid(order) -> bool:
    return order.payment_events.filter(event_type__name="Paid").exists()


def reconcile(start: datetime, end: datetime, *, fix: bool = False) -> Reconciliation:
    gateway = get_gateway()
    report = Reconciliation()
    succeeded = set()
    for intent in gateway.succeeded_between(start, end):
        succeeded.add(intent.reference)
        order = Order.objects.filter(number=intent.order_number).first()
        if order is not None and _is_paid(order):
            continue
        if fix and order is not None and order.status == status.PENDING_PAYMENT:
            try:
                if completion.complete(order, intent):
                    report.fixed.append(order.number)
                    continue
            except IntentMismatch:
                pass
        report.paid_without_order.append((intent, order))
    paid_orders = Order.objects.filter(
        date_placed__gte=start, date_placed__lt=end, payment_events__event_type__name="Paid"
    ).distinct()
    for order in paid_orders.order_by("pk"):
        reference = reference_of(order)
        if reference in succeeded:
            continue
        try:
            intent = gateway.retrieve(reference)
        except PaymentFailed as error:
            report.orders_without_payment.append((order, f"its payment cannot be read: {error}"))
            continue
        if not intent.succeeded:
            report.orders_without_payment.append((order, f"{intent.reference} is {intent.status}"))
        elif intent.order_number != order.number or intent.amount != order.total_incl_tax:
            report.orders_without_payment.append(
                (order, f"{intent.reference} paid £{intent.amount} for #{intent.order_number}")
            )
    return report
