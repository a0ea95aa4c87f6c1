"""VAT on delivery charges: apportioned like the goods they carry.

HMRC's rule for a single delivery charge on a mixed supply: split it in
proportion to the value of the goods at each rate, and charge each part's
VAT at that rate. A basket of £20 zero-rated kefir and £10 standard-rated
kit pays VAT on one third of its delivery charge.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from oscar.core import prices

from shop.partner.strategy import PENNY, split_vat

STANDARD_RATE = Decimal("20")


@dataclass(frozen=True)
class VATPortion:
    rate: Decimal  # percent
    gross: Decimal
    tax: Decimal

    @property
    def net(self) -> Decimal:
        return self.gross - self.tax


def goods_by_rate(basket) -> dict[Decimal, Decimal]:
    """VAT-inclusive value of the basket's goods after discounts, per VAT rate."""
    totals: dict[Decimal, Decimal] = defaultdict(Decimal)
    for line in basket.all_lines():
        price = line.purchase_info.price
        if not price.exists or line.line_price_incl_tax_incl_discounts is None:
            continue
        totals[Decimal(price.tax_code or STANDARD_RATE)] += line.line_price_incl_tax_incl_discounts
    return dict(totals)


def apportion(gross: Decimal, goods: dict[Decimal, Decimal]) -> list[VATPortion]:
    """Split a VAT-inclusive charge across rates by goods value, to the penny.

    The parts add up to ``gross`` exactly (the rounding remainder goes to the
    largest part). With no goods value to go by, the standard rate applies.
    """
    total = sum(goods.values(), Decimal(0))
    if gross == 0:
        return []
    if total <= 0:
        return [VATPortion(STANDARD_RATE, gross, split_vat(gross, STANDARD_RATE)[1])]
    rates = sorted(goods, key=lambda rate: goods[rate], reverse=True)
    parts = {rate: (gross * goods[rate] / total).quantize(PENNY, ROUND_HALF_UP) for rate in rates}
    parts[rates[0]] += gross - sum(parts.values())
    return [VATPortion(rate, parts[rate], split_vat(parts[rate], rate)[1]) for rate in rates]


def delivery_price(gross: Decimal, basket) -> prices.Price:
    """A delivery charge as an Oscar price, with its apportioned VAT."""
    tax = sum((portion.tax for portion in apportion(gross, goods_by_rate(basket))), Decimal(0))
    return prices.Price(currency=basket.currency, excl_tax=gross - tax, tax=tax)
