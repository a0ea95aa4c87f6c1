"""VAT on delivery charges: apportioned like the goods they carry (shop.core.vat).

A basket of £20 zero-rated kefir and £10 standard-rated kit pays VAT on one
third of its delivery charge.
"""

from decimal import Decimal

from oscar.core import prices

from shop.core.vat import apportion, goods_by_rate


def delivery_price(gross: Decimal, basket) -> prices.Price:
    """A delivery charge as an Oscar price, with its apportioned VAT."""
    tax = sum((portion.tax for portion in apportion(gross, goods_by_rate(basket))), Decimal(0))
    return prices.Price(currency=basket.currency, excl_tax=gross - tax, tax=tax)
