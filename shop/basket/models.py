"""Basket fork: basket lines arrive with the product class that sets their VAT, and a
subscription line says how often it comes."""

from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from shop.subscriptions.models import weeks_label
from shop.subscriptions.options import weeks_of


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached line set, plus each product's class and stock records.

        The strategy reads ``product.get_product_class().vat_rate`` for every
        line, and the basket page asks each product for its availability;
        without these joins and prefetches that is up to four queries a line.
        """
        if self.id is None:
            # A visitor without a basket yet: one empty line set for the request, so the
            # page's many reads (count, total, shipping...) do not each compile a query.
            if "_no_lines" not in self.__dict__:
                self._no_lines = self.lines.model.objects.none()
            return self._no_lines
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product__product_class", "product__parent__product_class", "stockrecord"
                )
                .prefetch_related("attributes__option", "product__images", "product__stockrecords")
                .order_by(self._meta.pk.name)
            )
        return self._lines

    def get_stock_info(self, product, options):
        """The price a new line stores: a subscription line's is its subscriber price."""
        if options and hasattr(self.strategy, "fetch_for_options"):
            return self.strategy.fetch_for_options(product, options)
        return super().get_stock_info(product, options)


class Line(AbstractLine):
    @property
    def description(self) -> str:
        """The product, and for a subscription line how often it comes (Oscar lists
        every option as ``name = 'value'``)."""
        weeks = weeks_of(self)
        title = self.product.get_title()
        return f"{title}, every {weeks_label(weeks)} (subscribe & save)" if weeks else title


from oscar.apps.basket.models import *  # noqa: E402,F403
