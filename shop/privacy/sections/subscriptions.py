"""Subscriptions (with their renewals and history) and saved cards. A card is shown
by brand and last four digits only: the provider's token and customer reference
never leave the database. Erasure cancels by deleting: nothing more is sent or
charged, and the cards go with them."""

import logging

from django.db import transaction
from django.db.models import Prefetch
from oscar.core.loading import get_model

from shop.gateways import get_gateway
from shop.gateways.base import PaymentFailed
from shop.payments.models import PaymentCustomer, SavedCard
from shop.privacy.sections.common import ERASED_SHIPPING_ADDRESS, address, when
from shop.privacy.sections.records import redact_audit
from shop.subscriptions.models import Renewal, Subscription, SubscriptionEvent

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")


def _subscription(item) -> dict:
    return {
        "product": item.product.get_title(),
        "quantity": item.quantity,
        "every_weeks": item.weeks,
        "saving_percent": item.saving_percent,
        "status": item.get_status_display(),
        "next_delivery": when(item.next_date) if item.is_live else None,
        "started": when(item.created_at),
        "cancelled": when(item.cancelled_at),
        "card": item.card.label if item.card_id else None,
        "delivery_address": address(item.address),
        "renewals": [
            {
                "due": when(renewal.due_date),
                "outcome": renewal.get_outcome_display(),
                "order": renewal.order.number if renewal.order_id else None,
            }
            for renewal in item.renewals.all()
        ],
        # Staff notes say what was done for the customer and why: about them, so shown.
        "history": [
            {
                "at": when(event.created_at),
                "what": event.action,
                "by": "kēpos staff" if event.by_staff else "you or the renewal job",
                "note": event.note,
            }
            for event in item.events.all()
        ],
    }


def export(user, email: str) -> list[dict]:
    if user is None:
        return []
    subscriptions = (
        Subscription.objects.filter(user=user)
        .select_related("product__parent", "card", "address__country")
        .prefetch_related(
            Prefetch("renewals", queryset=Renewal.objects.select_related("order")),
            Prefetch("events", queryset=SubscriptionEvent.objects.order_by("created_at", "pk")),
        )
    )
    return [_subscription(item) for item in subscriptions]


def erase(user, email: str) -> int:
    """Delete the subscriptions (locked first: a renewal being charged finishes before)."""
    if user is None:
        return 0
    mine = Subscription.objects.select_for_update().filter(user=user)
    locked = list(mine.values("pk", "address"))
    address_ids = {row["address"] for row in locked}
    Subscription.objects.filter(pk__in=[row["pk"] for row in locked]).delete()
    # Addresses given for a subscription alone go; one an order used is erased with it.
    on_orders = set(
        Order.objects.filter(shipping_address__in=address_ids).values_list(
            "shipping_address", flat=True
        )
    )
    redact_audit("order.shippingaddress", address_ids)
    ShippingAddress.objects.filter(pk__in=address_ids & on_orders).update(**ERASED_SHIPPING_ADDRESS)
    still_used = Subscription.objects.filter(address__in=address_ids).values("address")
    ShippingAddress.objects.filter(pk__in=address_ids - on_orders).exclude(
        pk__in=still_used
    ).delete()
    return len(locked)


def export_cards(user, email: str) -> list[dict]:
    if user is None:
        return []
    return [
        {
            "card": card.label,
            "brand": card.brand,
            "last4": card.last4,
            "saved": when(card.created_at),
        }
        for card in SavedCard.objects.filter(user=user)
    ]


def erase_cards(user, email: str) -> int:
    """The saved cards and the provider customer reference they hang from."""
    if user is None:
        return 0
    references = list(PaymentCustomer.objects.filter(user=user).values_list("reference", flat=True))
    _, deleted = SavedCard.objects.filter(user=user).delete()
    PaymentCustomer.objects.filter(user=user).delete()
    # The provider's copy (e-mail, cards) goes too, once the erasure has committed: no
    # network call inside the transaction, and nothing deleted there if it rolls back.
    transaction.on_commit(lambda: forget_at_provider(references), robust=True)
    return deleted.get(SavedCard._meta.label, 0)


def forget_at_provider(references: list[str]) -> None:
    gateway = get_gateway()
    for reference in references:
        try:
            gateway.delete_customer(reference)
        except PaymentFailed as error:  # logged for a person; the erasure itself stands
            logger.error("Erasure: provider customer %s not deleted: %s", reference, error)
