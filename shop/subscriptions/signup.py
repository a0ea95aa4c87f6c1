"""A paid order's subscription lines become subscriptions (``order_paid`` signal).

The first delivery is that order; the next is due the chosen number of weeks
after it was placed. The card it was paid with was saved for the renewals
(checkout asks the gateway to save it when the basket has subscription
lines); the delivery address and method are the order's.
"""

import logging

from shop.payments.saved_cards import save_from_intent
from shop.subscriptions import notices, ordering, schedule
from shop.subscriptions.models import Subscription, SubscriptionEvent, offer_for
from shop.subscriptions.options import saving_of, subscription_lines, weeks_of

logger = logging.getLogger(__name__)


def start_subscriptions(sender, order, intent, **kwargs) -> list[Subscription]:
    """Inside the transaction that marks ``order`` paid."""
    lines = [  # a renewal's lines carry their agreed saving: they start nothing new
        line
        for line in subscription_lines(order.lines.prefetch_related("attributes"))
        if saving_of(line) is None
    ]
    if not lines:
        return []
    if not order.user_id:
        logger.error("Order #%s has subscription lines but no customer account", order.number)
        return []
    card = save_from_intent(order.user, intent)
    placed = schedule.uk_today(order.date_placed)
    started = []
    for line in lines:
        weeks = weeks_of(line)
        offer = offer_for(line.product)
        subscription, created = Subscription.objects.get_or_create(
            origin_order=order,
            product=line.product,
            defaults={
                "user": order.user,
                "quantity": line.quantity,
                "weeks": weeks,
                "saving_percent": offer.saving_percent if offer else 0,
                "shipping_code": order.shipping_code,
                "address": ordering.copy_address(order.shipping_address),
                "card": card,
                "next_date": schedule.next_after(placed, weeks, placed),
                "created_at": order.date_placed,
            },
        )
        if created:
            SubscriptionEvent.objects.create(
                subscription=subscription, action="started", note=f"Order #{order.number}"
            )
            notices.send(
                "started",
                subscription,
                order=order,
                preview=ordering.preview(subscription),
                reminder_days=schedule.REMIND_DAYS_BEFORE,
            )
            started.append(subscription)
    return started
