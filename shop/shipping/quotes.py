"""Delivery quotes: the only code that reads a delivery method's price fields.

A ``Tariff`` is a method's price rule as shoppers read it (per order, per
item, free from, surcharge per zone), for pages without a basket: the
delivery page, its answers, FAQ placeholders, the promise strip. A ``Quote``
is what one delivery costs: for a basket at checkout and in its progress bar,
or for a goods total and a number of items (a product's JSON-LD, the postcode
checker). Free delivery waives the method's own charge, per order and per
item; a zone's surcharge is always paid.
"""

from dataclasses import dataclass
from decimal import Decimal

from shop.core.formats import money
from shop.shipping.postcodes import DeliveryZone

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Tariff:
    name: str
    per_order: Decimal
    per_item: Decimal
    free_from: Decimal | None  # goods total (VAT incl., after discounts) that makes it free
    surcharges: dict  # DeliveryZone -> Decimal, for the zones it serves

    def charge_for(self, items: int) -> Decimal:
        return self.per_order + self.per_item * items

    @property
    def price_words(self) -> str:
        return price_words(self.per_order, self.per_item)

    def price_words_in(self, zone: DeliveryZone) -> str:
        """The price to an address in ``zone``, its surcharge included."""
        return price_words(self.per_order + self.surcharges.get(zone, ZERO), self.per_item)


def price_words(per_order: Decimal, per_item: Decimal) -> str:
    """ "£4.99", or "£4.99 + £0.50 per item", or "£0.50 per item"."""
    if not per_item:
        return money(per_order)
    each = f"{money(per_item)} per item"
    return f"{money(per_order)} + {each}" if per_order else each


def tariff(method) -> Tariff:
    return Tariff(
        name=method.name,
        per_order=method.price_per_order,
        per_item=method.price_per_item,
        free_from=method.free_shipping_threshold,
        surcharges={zone: surcharge(method, zone) for zone in DeliveryZone if method.serves(zone)},
    )


def surcharge(method, zone: DeliveryZone) -> Decimal:
    """What an address in ``zone`` pays on top, free delivery or not."""
    return {
        DeliveryZone.MAINLAND: ZERO,
        DeliveryZone.HIGHLANDS_ISLANDS: method.highlands_islands_surcharge,
        DeliveryZone.NORTHERN_IRELAND: method.northern_ireland_surcharge,
    }[zone]


@dataclass(frozen=True)
class Quote:
    tariff: Tariff
    zone: DeliveryZone
    goods_total: Decimal
    items: int
    free: bool
    surcharge: Decimal
    charge: Decimal  # what the shopper pays, VAT included

    @property
    def price_words(self) -> str:
        return self.tariff.price_words_in(self.zone)

    @property
    def left_to_free(self) -> Decimal | None:
        """How much more to spend for free delivery (0 once reached; None if never free)."""
        if self.tariff.free_from is None:
            return None
        return max(ZERO, self.tariff.free_from - self.goods_total)


def for_goods(method, *, goods_total: Decimal, items: int, zone=DeliveryZone.MAINLAND) -> Quote:
    rule = tariff(method)
    free = rule.free_from is not None and goods_total >= rule.free_from
    extra = surcharge(method, zone)
    own = ZERO if free else rule.charge_for(items)
    return Quote(rule, zone, goods_total, items, free, extra, own + extra)


def for_basket(method, basket, zone=None) -> Quote:
    """The charge for ``basket`` (its total after discounts, without delivery)."""
    items = sum(line.quantity for line in basket.all_lines() if line.product.is_shipping_required)
    return for_goods(
        method,
        goods_total=basket.total_incl_tax,
        items=items,
        zone=zone or getattr(method, "zone", DeliveryZone.MAINLAND),
    )


def beside_price(method, price: Decimal) -> str:
    """One item at ``price`` by ``method`` to the mainland, in words for a product page."""
    quote = for_goods(method, goods_total=price, items=1)
    if quote.free:
        return f"FREE {method.name} delivery"
    words = f"+ {money(quote.charge)} {method.name} delivery"
    if quote.tariff.free_from is not None:
        words += f", FREE on orders of {money(quote.tariff.free_from)} or more"
    return words
