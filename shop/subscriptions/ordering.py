"""A renewal's order, written through the same code as a checkout's.

The subscription's line goes into a basket of its own (the subscriber's price
comes from the strategy, VAT from the product class, site offers apply), the
delivery method prices it (free when this delivery's total reaches the
threshold), the business calendar dates its dispatch, and Oscar's order
creator (our fork: stock taken under row locks) writes it as Pending payment.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from oscar.core.loading import get_class, get_model

from shop.order.utils import InsufficientStock, OrderCreator, OrderNumberGenerator
from shop.shipping.postcodes import PostcodeError
from shop.shipping.quotes import for_goods
from shop.shipping.repository import Repository, zone_of_address
from shop.shipping.rules import basket_needs_weekday_transit, estimate_for, offered_methods
from shop.subscriptions.options import line_options

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
Applicator = get_class("offer.applicator", "Applicator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Selector = get_class("partner.strategy", "Selector")

ADDRESS_FIELDS = [
    "title",
    "first_name",
    "last_name",
    "line1",
    "line2",
    "line3",
    "line4",
    "state",
    "postcode",
    "country_id",
    "phone_number",
    "notes",
]


class CannotRenew(Exception):
    """This delivery cannot be made (out of stock, no delivery method); says why."""


@dataclass(frozen=True)
class Preview:
    """What the next delivery costs at today's prices (site offers may lower it)."""

    goods: Decimal
    delivery: Decimal
    currency: str

    @property
    def total(self) -> Decimal:
        return self.goods + self.delivery


def copy_address(address):
    """A fresh ShippingAddress row with the same fields (each order keeps its own)."""
    return ShippingAddress.objects.create(**{f: getattr(address, f) for f in ADDRESS_FIELDS})


def method_for(shipping_code: str, methods):
    """The method with ``shipping_code`` if still offered there, else the first."""
    chosen = next((m for m in methods if m.code == shipping_code), None)
    chosen = chosen or (methods[0] if methods else None)
    if chosen is None:
        raise CannotRenew("We have no delivery method to this address.")
    return chosen


def preview(subscription, *, strategy=None, methods=None) -> Preview | None:
    """The next delivery's amount without writing anything (None if it has no price):
    the subscriber's price from the strategy and the delivery charge from the quotes."""
    strategy = strategy or Selector().strategy(user=subscription.user)
    info = strategy.fetch_for_subscription(
        subscription.product, subscription.weeks, subscription.saving_percent
    )
    if not info.price.exists:
        return None
    goods = info.price.incl_tax * subscription.quantity
    try:
        zone = zone_of_address(subscription.address)
        method = method_for(
            subscription.shipping_code,
            [m for m in methods or offered_methods() if m.serves(zone)],
        )
    except (PostcodeError, CannotRenew):
        return Preview(goods, Decimal("0.00"), info.price.currency)
    quote = for_goods(method, goods_total=goods, items=subscription.quantity, zone=zone)
    return Preview(goods, quote.charge, info.price.currency)


def place(subscription, *, now: datetime | None = None):
    """Write the renewal's order (Pending payment, stock allocated); raises CannotRenew.
    Call inside a transaction: the stock locks are held until it ends."""
    return place_order_for(
        subscription.user,
        subscription.product,
        subscription.quantity,
        options=line_options(subscription.weeks, subscription.saving_percent),
        address=subscription.address,
        shipping_code=subscription.shipping_code,
        now=now,
        order_fields=terms_of(subscription),
    )


def terms_of(subscription) -> dict:
    """The terms the subscriber accepted when subscribing: each renewal is sold on them."""
    return (
        Order.objects.filter(pk=subscription.origin_order_id)
        .values("terms_accepted_id", "subscription_terms_accepted_id")
        .first()
        or {}
    )


def place_order_for(
    user, product, quantity, *, options, address, shipping_code, now=None, order_fields=None
):
    """An order of one line for ``user``, written as checkout writes one: a basket priced
    by the strategy (with site offers), the delivery method's charge for the address,
    dispatch dates from the business calendar, then Oscar's order creator."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    info = basket.strategy.fetch_for_product(product)
    if not info.availability.is_purchase_permitted(quantity)[0]:
        raise CannotRenew(f"{product.get_title()} is out of stock.")
    basket.add_product(product, quantity, options)
    Applicator().apply(basket, user)
    method = method_for(
        shipping_code, Repository().get_available_shipping_methods(basket, shipping_addr=address)
    )
    charge = method.calculate(basket)
    estimate = estimate_for(
        method, now=now, no_weekend_transit=basket_needs_weekday_transit(basket)
    )
    try:
        order = OrderCreator().place_order(
            basket=basket,
            total=OrderTotalCalculator().calculate(basket, charge),
            shipping_method=method,
            shipping_charge=charge,
            user=user,
            shipping_address=copy_address(address),
            order_number=OrderNumberGenerator().order_number(basket),
            dispatch_on=estimate.dispatch_on,
            deliver_from=estimate.earliest,
            deliver_by=estimate.latest,
            **(order_fields or {}),
        )
    except InsufficientStock as error:
        raise CannotRenew(str(error)) from error
    basket.submit()  # never a shopper's basket to edit
    return order
