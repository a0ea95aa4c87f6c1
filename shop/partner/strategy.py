"""Partner fork: UK pricing, where stock record prices include VAT.

Staff enter the price the shopper pays (e.g. £39.99). The VAT rate comes from
the product's class (a child product uses its parent's class), and the net
price is derived from it, so the total the shopper sees never drifts by a
penny from the price staff typed.
"""

from decimal import Decimal

from oscar.apps.partner import strategy
from oscar.apps.partner.prices import TaxInclusiveFixedPrice
from oscar.apps.partner.prices import Unavailable as UnavailablePrice

from shop.core.vat import split_vat, tax_code


def vat_inclusive_price(gross: Decimal, rate_percent: Decimal, currency: str):
    net, tax = split_vat(gross, rate_percent)
    return TaxInclusiveFixedPrice(
        currency=currency, excl_tax=net, tax=tax, tax_code=tax_code(rate_percent)
    )


class VATInclusivePrices:
    """Pricing mixin for ``Structured``: VAT-inclusive prices, rate per product class."""

    def pricing_policy(self, product, stockrecord):
        if not stockrecord or stockrecord.price is None:
            return UnavailablePrice()
        rate = product.get_product_class().vat_rate
        return vat_inclusive_price(stockrecord.price, rate, stockrecord.price_currency)

    def parent_pricing_policy(self, product, children_stock):
        """A parent shows its cheapest child's price ("from £4.49")."""
        priced = [(c, s) for c, s in children_stock if s is not None and s.price is not None]
        if not priced:
            return UnavailablePrice()
        child, stockrecord = min(priced, key=lambda pair: pair[1].price)
        return self.pricing_policy(child, stockrecord)


class UKStrategy(
    strategy.UseFirstStockRecord,
    strategy.StockRequired,
    VATInclusivePrices,
    strategy.Structured,
):
    """First stock record, stock required to buy, VAT-inclusive prices."""


class Selector:
    """Every shopper gets the UK strategy: one store, one country, one currency."""

    def strategy(self, request=None, user=None, **kwargs):
        return UKStrategy(request)
