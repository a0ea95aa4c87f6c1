"""manage.py bench_renewals: renewals per second against plain orders (ratio >= 0.5)."""

import logging

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from oscar.core.loading import get_model

from shop.subscriptions import bench

Product = get_model("catalogue", "Product")


class Command(BaseCommand):
    help = (
        "Renew N due subscriptions and place plain orders through the same order code, in "
        "a transaction rolled back after; fail if renewals run at under half the rate."
    )

    def add_arguments(self, parser):
        parser.add_argument("--subscriptions", type=int, default=10_000)
        parser.add_argument("--orders", type=int, default=1_000)

    def handle(self, *args, subscriptions: int, orders: int, **options):
        product = (
            Product.objects.filter(structure=Product.STANDALONE, stockrecords__isnull=False)
            .order_by("pk")
            .first()
            or Product.objects.filter(structure=Product.CHILD, stockrecords__isnull=False)
            .order_by("pk")
            .first()
        )
        if product is None:
            raise CommandError("No demo data: run `make demo` (or manage.py load_demo_data) first.")
        self.stdout.write(
            f"Renewing {subscriptions} subscriptions and placing {orders} plain orders "
            "(a few minutes for 10,000)..."
        )
        logging.disable(logging.INFO)  # one line per order would drown the result
        try:
            result = bench.measure(product, subscriptions=subscriptions, orders=orders)
        finally:
            logging.disable(logging.NOTSET)
        self.stdout.write(
            f"On {connection.vendor}: {result.orders} plain orders at "
            f"{result.orders_per_second:.1f}/s; {result.subscriptions} renewals at "
            f"{result.renewals_per_second:.1f}/s; ratio {result.ratio:.2f} "
            f"(target >= {bench.TARGET_RATIO})"
        )
        if not result.ok:
            raise CommandError("Renewals are under the target ratio to plain orders.")
        self.stdout.write(self.style.SUCCESS("Renewals within their target."))
