"""UK VAT arithmetic, in one place: prices, delivery charges and orders import it.

Prices include VAT. VAT = gross x rate / (100 + rate), rounded to the nearest
penny (half up), and net is the remainder, so net + VAT == gross exactly. A
single delivery charge on a mixed supply is split in proportion to the value
of the goods at each rate (HMRC), each part taxed at its rate.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
# The UK standard rate: the default of a product type, and the rate of anything
# whose rate is unknown.
STANDARD_RATE = Decimal("20")


def split_vat(gross: Decimal, rate_percent: Decimal) -> tuple[Decimal, Decimal]:
    """A VAT-inclusive amount as (net, VAT)."""
    tax = (gross * rate_percent / (Decimal(100) + rate_percent)).quantize(PENNY, ROUND_HALF_UP)
    return gross - tax, tax


def tax_code(rate_percent: Decimal) -> str:
    """A stable label for a VAT rate, kept on order lines ("20", "0", "5")."""
    return format(rate_percent.normalize(), "f")


def rate_of(code: str | None) -> Decimal:
    """The rate a recorded tax code stands for (the standard rate when none was recorded)."""
    return Decimal(code) if code else STANDARD_RATE


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
        totals[rate_of(price.tax_code)] += line.line_price_incl_tax_incl_discounts
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
