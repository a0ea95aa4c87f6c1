"""Checkout for baskets with subscription lines: an account is needed, the terms
are shown before the contract and accepted, and the card is saved for renewals."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shop.shipping.quotes import for_goods
from shop.subscriptions import schedule
from shop.subscriptions.models import weeks_label
from shop.subscriptions.options import subscription_lines, weeks_of

NEEDS_ACCOUNT = (
    "Subscriptions need an account, so you can skip, pause or cancel them online: please "
    "sign in, or create an account (it takes a moment), to continue."
)
ACCEPT_TERMS = "Please tick the box to accept the subscription terms, or remove the subscription."
TERMS_FIELD = "accept_subscription_terms"


@dataclass(frozen=True)
class Terms:
    """What the shopper agrees to for one subscription line, shown before they pay."""

    title: str
    quantity: int
    every: str
    price_per_delivery: Decimal  # for the line's quantity, before delivery
    delivery_charge: Decimal | None  # each later delivery's, at today's rules
    first_delivery: str
    next_charge: date


def has_subscriptions(basket) -> bool:
    return bool(subscription_lines(basket.all_lines()))


def terms_for(basket, *, method, first_delivery: str, now=None) -> list[Terms]:
    """The terms of each subscription line; ``method`` (the delivery method chosen)
    prices each later delivery on its own, by today's rules."""
    today = schedule.uk_today(now)
    method = getattr(method, "method", method)  # unwrap Oscar's shipping-offer wrapper

    def delivery(line) -> Decimal | None:
        if method is None or not hasattr(method, "zone"):
            return None
        goods = line.line_price_incl_tax_incl_discounts
        return for_goods(method, goods_total=goods, items=line.quantity, zone=method.zone).charge

    return [
        Terms(
            title=line.product.get_title(),
            quantity=line.quantity,
            every=weeks_label(weeks_of(line)),
            price_per_delivery=line.line_price_incl_tax_incl_discounts,
            delivery_charge=delivery(line),
            first_delivery=first_delivery,
            next_charge=schedule.next_after(today, weeks_of(line), today),
        )
        for line in subscription_lines(basket.all_lines())
    ]


def accepted(post) -> bool:
    return post.get(TERMS_FIELD) == "on"
