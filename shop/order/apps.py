"""Order fork: delivery dates and tracking on orders, stock taken under row locks,
and the order life cycle (pending payment, paid, packed, dispatched, delivered)."""

import oscar.apps.order.apps as apps


class OrderConfig(apps.OrderConfig):
    name = "shop.order"
