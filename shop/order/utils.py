"""Order fork: stock is taken under row locks, so two shoppers cannot buy the last unit.

Oscar's ``StockRecord.allocate`` adds to ``num_allocated`` without checking
what is left. Here each stock record is locked (SELECT ... FOR UPDATE, in
stock-record order so concurrent orders cannot deadlock), checked, then
allocated, inside the order's transaction.
"""

from collections import defaultdict

from oscar.apps.order import utils
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


class InsufficientStock(Exception):
    """Not enough left of a product; the message is safe to show the shopper."""


def reserve_stock(basket) -> None:
    """Lock the basket's stock records and check every tracked line can be met.

    Called before payment is taken and again, with the locks already held, as
    the order is written. On SQLite, which has no row locks, the write
    transaction (BEGIN IMMEDIATE) gives the same guarantee.
    """
    wanted: dict[int, int] = defaultdict(int)
    titles: dict[int, str] = {}
    for line in basket.all_lines():
        if line.stockrecord_id and line.product.get_product_class().track_stock:
            wanted[line.stockrecord_id] += line.quantity
            titles[line.stockrecord_id] = line.product.get_title()
    records = StockRecord.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
    for record in records:
        if record.net_stock_level < wanted[record.pk]:
            left, title = max(record.net_stock_level, 0), titles[record.pk]
            if not left:
                raise InsufficientStock(
                    f"Sorry, “{title}” has just sold out. Please remove it from your basket."
                )
            raise InsufficientStock(
                f"Sorry, only {left} of “{title}” {'is' if left == 1 else 'are'} left. "
                "Please update your basket."
            )


class OrderNumberGenerator(utils.OrderNumberGenerator):
    """Oscar's number (100000 + basket id), with "-2", "-3"... for a basket whose
    earlier order was cancelled before payment (its lines changed)."""

    def order_number(self, basket):
        number = str(super().order_number(basket))
        Order = get_model("order", "Order")
        earlier = Order.objects.filter(basket_id=basket.id).count()
        return f"{number}-{earlier + 1}" if earlier else number


class OrderCreator(utils.OrderCreator):
    def place_order(self, basket, *args, **kwargs):
        reserve_stock(basket)  # locks held until the order's transaction ends
        return super().place_order(basket, *args, **kwargs)

    def record_discount(self, discount):
        """Oscar adds to the offer's (and voucher's) counters on the instances the basket
        loaded; reload them first, so a use given back meanwhile (an unpaid order
        cancelled in this transaction) is not written over."""
        discount["offer"].refresh_from_db(
            fields=["num_applications", "total_discount", "num_orders"]
        )
        if discount.get("voucher"):
            discount["voucher"].refresh_from_db(fields=["total_discount", "num_orders"])
        super().record_discount(discount)

    def record_voucher_usage(self, order, voucher, user):
        """Not yet: the order is written before payment, and a declined card must not use
        up a single-use voucher. ``shop.payments.completion`` records it once paid."""
