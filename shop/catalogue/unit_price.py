"""Unit prices (Price Marking Order 2004): what a product costs per kilogram or litre.

Every price shown for goods sold by weight or volume carries its unit price,
offer and subscription prices included. The pack size is product data
(``Product.pack_size`` in ``Product.pack_measure``); a product sold by number
(capsules, kits) has none and shows no unit price. The Order allows a unit of
100 g or 100 ml only for the goods its Schedule 1 lists, none of which this
store sells, so the unit is always the kilogram or the litre.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from oscar.templatetags.currency_filters import currency

PENNY = Decimal("0.01")


class PackMeasure(models.TextChoices):
    NONE = "", "Sold by number (no unit price)"
    GRAMS = "g", "Weight in grams (unit price per kg)"
    MILLILITRES = "ml", "Volume in millilitres (unit price per litre)"


# Grams or millilitres in the unit the Order prices by, and the unit's name.
UNITS = {
    PackMeasure.GRAMS: (Decimal(1000), "kg"),
    PackMeasure.MILLILITRES: (Decimal(1000), "litre"),
}


@dataclass(frozen=True)
class UnitPrice:
    amount: Decimal
    unit: str
    currency: str = "GBP"

    def __str__(self) -> str:
        return f"{currency(self.amount, self.currency)} per {self.unit}"


def unit_price(
    price: Decimal, pack_size: Decimal | None, measure: str, price_currency: str = "GBP"
) -> UnitPrice | None:
    """The price per kg or litre of a pack of ``pack_size`` grams or millilitres,
    rounded half up to the penny; None for goods sold by number or an unknown size."""
    if price is None or not pack_size or pack_size <= 0 or measure not in UNITS:
        return None
    per, unit = UNITS[PackMeasure(measure)]
    amount = (Decimal(price) * per / Decimal(pack_size)).quantize(PENNY, ROUND_HALF_UP)
    return UnitPrice(amount=amount, unit=unit, currency=price_currency)


def unit_price_of(product, price: Decimal | None, price_currency: str = "GBP"):
    """The unit price of ``product`` (a size or a stand-alone product) at ``price``."""
    return unit_price(price, product.pack_size, product.pack_measure, price_currency)


def unit_price_from(product, strategy, price) -> UnitPrice | None:
    """The unit price to show beside a product's headline price.

    For a product with sizes the headline is a "from" price: the unit price is
    that of the size selling at it (read from prefetched children where the
    listing loaded them, so a card costs no query).
    """
    if price is None or not price.exists:
        return None
    if not product.is_parent:
        return unit_price_of(product, price.incl_tax, price.currency)
    for child in product.get_public_children():
        info = strategy.fetch_for_product(child)
        if info.price.exists and info.price.incl_tax == price.incl_tax:
            found = unit_price_of(child, price.incl_tax, price.currency)
            if found is not None:
                return found
    return None
