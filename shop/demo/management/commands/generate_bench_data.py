"""manage.py generate_bench_data: top the store up to a campaign's size, for ``make bench-scale``.

Run it on a database that has the demo data (``make demo``), never on the live store:
it adds thousands of bench products, articles, customers and orders. Each run only
adds what is missing, so it may be repeated. ``--scale 0.01`` makes a hundredth.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from oscar.core.loading import get_model

from shop.demo.bench_data import Sizes, make_articles, make_faq_entries, make_products
from shop.demo.bench_people import make_chat_messages, make_customers, make_orders
from shop.storefront.page_cache import new_version

STEPS = [
    ("products", make_products),
    ("articles", make_articles),
    ("faq_entries", make_faq_entries),
    ("customers", make_customers),
    ("orders", make_orders),
    ("chat_messages", make_chat_messages),
]


class Command(BaseCommand):
    help = "Add bench products, articles, FAQ answers, customers, orders and chats (bulk)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="A share of the full size (1: 10,000 products)"
        )
        parser.add_argument("--seed", type=int, default=21)

    def handle(self, *args, scale, seed, **options):
        if not 0 < scale <= 1:
            raise CommandError("--scale is a share of the full size: more than 0, at most 1.")
        if not get_model("catalogue", "Product").objects.exists():
            raise CommandError("No demo data to build on: run `make demo` first.")
        sizes, rng = Sizes().scaled(scale), random.Random(seed)  # noqa: S311 (made-up data)
        for kind, make in STEPS:
            started = time.monotonic()
            made = make(getattr(sizes, kind), rng)
            self.stdout.write(
                f"{kind.replace('_', ' ')}: {made:,} added (target {getattr(sizes, kind):,}) "
                f"in {time.monotonic() - started:.1f} s"
            )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, as after a restore
        new_version()  # bulk rows send no signals: cached pages start again
