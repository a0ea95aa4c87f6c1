"""Basket fork: basket lines arrive with the product class that sets their VAT."""

from oscar.apps.basket.abstract_models import AbstractBasket


class Basket(AbstractBasket):
    def all_lines(self):
        """Oscar's cached line set, plus each product's class and stock records.

        The strategy reads ``product.get_product_class().vat_rate`` for every
        line, and the basket page asks each product for its availability;
        without these joins and prefetches that is up to four queries a line.
        """
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product__product_class", "product__parent__product_class", "stockrecord"
                )
                .prefetch_related("attributes", "product__images", "product__stockrecords")
                .order_by(self._meta.pk.name)
            )
        return self._lines


from oscar.apps.basket.models import *  # noqa: E402,F403
