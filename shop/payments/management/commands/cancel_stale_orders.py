"""manage.py cancel_stale_orders: cancel orders whose payment never arrived (run every 5 min)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.payments.stale import cancel_abandoned_orders


class Command(BaseCommand):
    help = (
        "Orders still pending payment after SHOP_UNPAID_ORDER_TIMEOUT_MINUTES: cancel the "
        "payment intent, then the order, and release its stock (an intent still processing "
        "waits for the next run; one that succeeded marks its order paid). Safe to run often."
    )

    def handle(self, *args, **options):
        report = cancel_abandoned_orders()
        minutes = settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES
        self.stdout.write(
            f"Cancelled {len(report.cancelled)} order(s) unpaid for over {minutes} minutes"
            + (f": {', '.join(report.cancelled)}" if report.cancelled else ".")
        )
        if report.paid:
            self.stdout.write(f"Paid after all: {', '.join(report.paid)}")
        if report.waiting:
            self.stdout.write(f"Still waiting for the provider: {', '.join(report.waiting)}")
