"""manage.py cancel_stale_orders: cancel orders whose payment never arrived (run every 5 min)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.order.services import cancel_stale_unpaid_orders


class Command(BaseCommand):
    help = (
        "Cancel orders still pending payment after SHOP_UNPAID_ORDER_TIMEOUT_MINUTES and "
        "release their stock. Safe to run often."
    )

    def handle(self, *args, **options):
        numbers = cancel_stale_unpaid_orders()
        minutes = settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES
        self.stdout.write(
            f"Cancelled {len(numbers)} order(s) unpaid for over {minutes} minutes"
            + (f": {', '.join(numbers)}" if numbers else ".")
        )
