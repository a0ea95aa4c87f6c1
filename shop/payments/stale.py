"""Orders whose payment never arrived: cancel the intent first, then the order.

An intent still processing is left for the next run (its money may yet
arrive); one that succeeded after all makes its order *Paid* instead. Only
then are abandoned orders cancelled, their stock released and their baskets
given back.
"""

import logging
from dataclasses import dataclass, field

from shop.gateways import base, get_gateway
from shop.gateways.base import PaymentFailed
from shop.order.services import stale_unpaid_orders
from shop.payments import completion
from shop.payments.alerts import alert_managers
from shop.payments.intents import IntentMismatch, reference_of

logger = logging.getLogger(__name__)


@dataclass
class StaleReport:
    cancelled: list[str] = field(default_factory=list)
    paid: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)  # processing, or the provider unreachable


def cancel_abandoned_orders(now=None) -> StaleReport:
    report = StaleReport()
    gateway = get_gateway()
    for order in stale_unpaid_orders(now).order_by("pk"):
        reference = reference_of(order)
        if reference:
            try:
                intent = gateway.retrieve(reference)
                if intent.status not in (base.PROCESSING, base.SUCCEEDED, base.CANCELED):
                    intent = gateway.cancel(reference)  # may answer "succeeded" after all
            except PaymentFailed as error:
                logger.warning(
                    "Order #%s: intent %s unreadable: %s", order.number, reference, error
                )
                report.waiting.append(order.number)
                continue
            if intent.status == base.PROCESSING:
                report.waiting.append(order.number)
                continue
            if intent.succeeded and intent.order_number == order.number:
                try:
                    completion.complete(order, intent)
                except IntentMismatch:
                    alert_managers(
                        f"Payment {reference} does not match order #{order.number}",
                        f"The stale-order job found {reference} paid £{intent.amount} for order "
                        f"#{order.number} (£{order.total_incl_tax}). Check it in the provider's "
                        "dashboard; the order is left as it is.",
                    )
                    report.waiting.append(order.number)
                    continue
                report.paid.append(order.number)
                continue
        if completion.abandon(order, reason="payment never arrived"):
            report.cancelled.append(order.number)
    return report
