"""Cards saved with the provider for charges made without the customer (renewals).

A card is saved when a payment asks for it (``intents.start`` with the
shopper's customer reference) or when the customer gives a new one. What we
keep is the provider's token and the card's label; charges go through the
gateway with an idempotency key per order, so a retried run never charges
twice.
"""

import logging

from django.db import IntegrityError, transaction

from shop.gateways import get_gateway
from shop.gateways.base import Card, Intent
from shop.payments import intents
from shop.payments.models import PaymentCustomer, SavedCard

logger = logging.getLogger(__name__)


def customer_reference(user) -> str:
    """The shopper's customer at the provider, created on first need (a network call:
    call it outside any transaction)."""
    gateway = get_gateway()
    found = PaymentCustomer.objects.filter(user=user, gateway=gateway.code).first()
    if found is not None:
        return found.reference
    reference = gateway.create_customer(
        email=user.email, idempotency_key=f"customer-{gateway.code}-{user.pk}"
    )
    try:
        with transaction.atomic():
            PaymentCustomer.objects.create(user=user, gateway=gateway.code, reference=reference)
    except IntegrityError:  # made meanwhile by a parallel request (same idempotency key)
        return PaymentCustomer.objects.get(user=user, gateway=gateway.code).reference
    return reference


def save_from_intent(user, intent: Intent) -> SavedCard | None:
    """The card a succeeded intent saved (``Intent.payment_method``), recorded for ``user``."""
    if not intent.payment_method or user is None:
        return None
    gateway = get_gateway()
    customer = PaymentCustomer.objects.filter(user=user, gateway=gateway.code).first()
    if customer is None:
        logger.error("Intent %s saved a card, but %s has no customer", intent.reference, user)
        return None
    card, _ = SavedCard.objects.get_or_create(
        gateway=gateway.code,
        token=intent.payment_method,
        defaults={
            "user": user,
            "customer_reference": customer.reference,
            "brand": intent.brand,
            "last4": intent.last4,
        },
    )
    return card


def save_card(user, card: Card) -> SavedCard:
    """Save a card typed on our page (gateways that collect card details); raises
    ``PaymentDeclined`` with a message for the customer, ``PaymentFailed`` otherwise."""
    gateway = get_gateway()
    customer = customer_reference(user)
    method = gateway.save_card(customer=customer, card=card)
    return SavedCard.objects.create(
        user=user,
        gateway=gateway.code,
        customer_reference=customer,
        token=method.token,
        brand=method.brand,
        last4=method.last4,
    )


def start_setup(user, *, return_url: str, cancel_url: str) -> str:
    """Where ``user`` gives the provider a new card to save (gateways without our form)."""
    return get_gateway().start_card_setup(
        customer=customer_reference(user), return_url=return_url, cancel_url=cancel_url
    )


def finish_setup(user, reference: str) -> SavedCard:
    """The card ``user`` saved at the provider's page (``PaymentFailed`` if not theirs)."""
    gateway = get_gateway()
    customer = customer_reference(user)
    method = gateway.finish_card_setup(customer=customer, reference=reference)
    card, _ = SavedCard.objects.get_or_create(
        gateway=gateway.code,
        token=method.token,
        defaults={
            "user": user,
            "customer_reference": customer,
            "brand": method.brand,
            "last4": method.last4,
        },  # fmt: skip
    )
    return card


def charge(order, card: SavedCard, *, return_url: str = "") -> Intent:
    """Charge ``order``'s total to a saved card and record the intent as its payment.
    Without ``return_url`` the customer is absent (a renewal); raises ``PaymentFailed``
    when the provider cannot be reached."""
    present = "present" if return_url else "absent"
    intent = get_gateway().charge_saved(
        customer=card.customer_reference,
        payment_method=card.token,
        amount=order.total_incl_tax,
        currency=order.currency,
        order_number=order.number,
        idempotency_key=f"saved-card-{order.number}-{order.total_incl_tax}-{present}",
        return_url=return_url,
    )
    intents.attach(order, intent)
    return intent
