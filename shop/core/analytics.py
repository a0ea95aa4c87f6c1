"""Oscar's analytics counters, made safe for concurrent requests.

Oscar increments a counter row and inserts it when missing, catching the
IntegrityError if another request inserted it first. On PostgreSQL that
caught error aborts the whole request transaction (ATOMIC_REQUESTS), so two
shoppers adding the same new product at once made one of them fail. Here the
insert runs in a savepoint. Product page views are not counted at all: a
write on every product GET would make readers queue on SQLite's write lock.
"""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.apps.analytics import receivers as oscar_receivers
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")


def increment(model, lookup: dict, by: dict, also_set: dict | None = None) -> None:
    """Add ``by`` to counter fields of the row matching ``lookup``, creating it if needed."""
    also_set = also_set or {}
    changes = {field: F(field) + amount for field, amount in by.items()}
    if model.objects.filter(**lookup).update(**changes, **also_set):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **by, **also_set)
    except IntegrityError:  # another request created it a moment ago
        model.objects.filter(**lookup).update(**changes, **also_set)


def record_basket_addition(sender, product, user, **kwargs):
    if kwargs.get("raw"):
        return
    increment(ProductRecord, {"product": product}, {"num_basket_additions": 1})
    if user and user.is_authenticated:
        increment(UserRecord, {"user": user}, {"num_basket_additions": 1})


def record_order(sender, order, user, **kwargs):
    if kwargs.get("raw"):
        return
    for line in order.lines.all():
        increment(ProductRecord, {"product_id": line.product_id}, {"num_purchases": line.quantity})
    if user and user.is_authenticated:
        increment(
            UserRecord,
            {"user": user},
            {
                "num_orders": 1,
                "num_order_lines": order.num_lines,
                "num_order_items": order.num_items,
                "total_spent": order.total_incl_tax or Decimal("0.00"),
            },
            also_set={"date_last_order": order.date_placed},
        )


def install() -> None:
    """Swap Oscar's receivers for these (called once, from an AppConfig.ready)."""
    product_viewed.disconnect(oscar_receivers.receive_product_view)
    basket_addition.disconnect(oscar_receivers.receive_basket_addition)
    order_placed.disconnect(oscar_receivers.receive_order_placed)
    basket_addition.connect(record_basket_addition, dispatch_uid="shop.analytics.basket")
    order_placed.connect(record_order, dispatch_uid="shop.analytics.order")
