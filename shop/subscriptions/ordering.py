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


def method_for(subscription, methods):
    """The subscription's delivery method if still offered there, else the first."""
    chosen = next((m for m in methods if m.code == subscription.shipping_code), None)
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
            subscription, [m for m in methods or offered_methods() if m.serves(zone)]
        )
    except (PostcodeError, CannotRenew):
        return Preview(goods, Decimal("0.00"), info.price.currency)
    quote = for_goods(method, goods_total=goods, items=subscription.quantity, zone=zone)
    return Preview(goods, quote.charge, info.price.currency)


def place(subscription, *, now: datetime | None = None):
    """Write the renewal's order (Pending payment, stock allocated); raises CannotRenew.
    Call inside a transaction: the stock locks are held until it ends."""
    basket = Basket.objects.create(owner=subscription.user)
    basket.strategy = Selector().strategy(user=subscription.user)
    info = basket.strategy.fetch_for_product(subscription.product)
    if not info.availability.is_purchase_permitted(subscription.quantity)[0]:
        raise CannotRenew(f"{subscription.product.get_title()} is out of stock.")
    basket.add_product(
        subscription.product,
        subscription.quantity,
        line_options(subscription.weeks, subscription.saving_percent),
    )
    Applicator().apply(basket, subscription.user)
    method = method_for(
        subscription,
        Repository().get_available_shipping_methods(basket, shipping_addr=subscription.address),
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
            user=subscription.user,
            shipping_address=copy_address(subscription.address),
            order_number=OrderNumberGenerator().order_number(basket),
            dispatch_on=estimate.dispatch_on,
            deliver_from=estimate.earliest,
            deliver_by=estimate.latest,
        )
    except InsufficientStock as error:
        raise CannotRenew(str(error)) from error
    basket.submit()  # a renewal's basket is never a shopper's to edit
    return order
