"""Partner fork: UK pricing, where stock record prices include VAT, and the
subscribe-and-save price of subscription lines.

Staff enter the price the shopper pays (e.g. £39.99). The VAT rate comes from
the product's class (a child product uses its parent's class), and the net
price is derived from it, so the total the shopper sees never drifts by a
penny from the price staff typed.
"""

from decimal import Decimal

from oscar.apps.partner import strategy
from oscar.apps.partner.prices import TaxInclusiveFixedPrice
from oscar.apps.partner.prices import Unavailable as UnavailablePrice
from oscar.apps.partner.strategy import PurchaseInfo

from shop.core.vat import split_vat, tax_code
from shop.subscriptions import options as subscription_options
from shop.subscriptions.models import SubscriptionOffer, discounted


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


class SubscriptionPrices:
    """A subscription line costs the one-off price less its saving: the offer's (in the
    shop) or the one agreed at sign-up (a renewal's line carries it). A frequency the
    offer no longer has, or a withdrawn offer, prices the line one-off."""

    def fetch_for_line(self, line, stockrecord=None):
        weeks = subscription_options.weeks_of(line)
        saving = subscription_options.saving_of(line)
        return self.fetch_for_subscription(line.product, weeks, saving)

    def fetch_for_options(self, product, options):
        """``Basket.add_product``'s price, for the line it is about to store."""
        weeks, saving = subscription_options.values_of(options)
        return self.fetch_for_subscription(product, weeks, saving)

    def fetch_for_subscription(self, product, weeks: int | None, saving: int | None):
        info = self.fetch_for_product(product)
        if not weeks or not info.price.exists:
            return info
        if saving is None:
            offer = self.subscription_offer(product)
            if offer is None or weeks not in offer.frequencies:
                return info
            saving = offer.saving_percent
        price = vat_inclusive_price(
            discounted(info.price.incl_tax, saving),
            product.get_product_class().vat_rate,
            info.price.currency,
        )
        return PurchaseInfo(
            price=price, availability=info.availability, stockrecord=info.stockrecord
        )

    def subscription_offer(self, product):
        """The product's active offer (its own, else its parent's); one query per strategy."""
        if not hasattr(self, "_subscription_offers"):
            self._subscription_offers = {
                offer.product_id: offer for offer in SubscriptionOffer.objects.active()
            }
        offers = self._subscription_offers
        return offers.get(product.pk) or offers.get(product.parent_id)


class UKStrategy(
    SubscriptionPrices,
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
