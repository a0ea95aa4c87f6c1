"""VAT by rate for receipts and the order review: goods and delivery, per rate.

Delivery VAT is apportioned like the goods (shop.core.vat), so each
rate's row carries its share of the delivery charge.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from shop.core.vat import apportion, rate_of


@dataclass(frozen=True)
class VATRow:
    rate: Decimal  # percent
    net: Decimal
    vat: Decimal

    @property
    def gross(self) -> Decimal:
        return self.net + self.vat

    @property
    def label(self) -> str:
        return f"{self.rate.normalize():f}%"


def vat_rows(
    goods: dict[Decimal, tuple[Decimal, Decimal]], delivery_gross: Decimal
) -> list[VATRow]:
    """Rows by rate from goods {rate: (gross, vat)} and a VAT-inclusive delivery charge."""
    totals: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for rate, (gross, vat) in goods.items():
        totals[rate][0] += gross
        totals[rate][1] += vat
    for portion in apportion(delivery_gross, {rate: gross for rate, (gross, _) in goods.items()}):
        totals[portion.rate][0] += portion.gross
        totals[portion.rate][1] += portion.tax
    return [
        VATRow(rate, gross - vat, vat)
        for rate, (gross, vat) in sorted(totals.items(), reverse=True)
    ]


def order_vat_rows(order) -> list[VATRow]:
    """VAT by rate for a placed order, from its lines' recorded rates and prices."""
    goods: dict[Decimal, tuple[Decimal, Decimal]] = defaultdict(lambda: (Decimal(0), Decimal(0)))
    for line in order.lines.all():
        rate = rate_of(line.tax_code)
        gross, vat = goods[rate]
        goods[rate] = (gross + line.line_price_incl_tax, vat + line.line_price_tax)
    return vat_rows(dict(goods), order.shipping_incl_tax)


def basket_vat_rows(basket, shipping_charge) -> list[VATRow]:
    """VAT by rate for a basket about to be ordered with ``shipping_charge``."""
    goods: dict[Decimal, tuple[Decimal, Decimal]] = defaultdict(lambda: (Decimal(0), Decimal(0)))
    for line in basket.all_lines():
        price = line.purchase_info.price
        if not price.exists:
            continue
        rate = rate_of(price.tax_code)
        gross, vat = goods[rate]
        goods[rate] = (gross + line.line_price_incl_tax_incl_discounts, vat + line.line_tax)
    return vat_rows(dict(goods), shipping_charge.incl_tax if shipping_charge else Decimal(0))
