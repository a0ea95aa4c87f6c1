"""manage.py reconcile_payments: match the provider's payments with paid orders."""

from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from shop.payments.reconcile import reconcile


def _day(value: str):
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(f"Dates look like 2026-11-28, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "For a date range (default: the last 7 days), list succeeded payments without a paid "
        "order and paid orders without a succeeded payment; --fix marks the first kind paid "
        "where the order is still pending payment."
    )

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", type=_day, help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", type=_day, help="last day (included)")
        parser.add_argument("--fix", action="store_true", help="complete pending orders paid")

    def handle(self, *args, start=None, end=None, fix=False, **options):
        today = timezone.localdate()
        end = end or today
        start = start or end - timedelta(days=6)
        if start > end:
            raise CommandError("--from must not be after --to.")
        zone = timezone.get_current_timezone()
        report = reconcile(
            datetime.combine(start, time.min, zone),
            datetime.combine(end + timedelta(days=1), time.min, zone),
            fix=fix,
        )
        self.stdout.write(f"Payments from {start} to {end}:")
        for number in report.fixed:
            self.stdout.write(f"  FIXED   order #{number} is now paid")
        for intent, order in report.paid_without_order:
            where = f"order #{order.number} is {order.status}" if order else "no such order"
            self.stdout.write(
                f"  PAID    {intent.reference} £{intent.amount} for #{intent.order_number}: {where}"
            )
        for order, reason in report.orders_without_payment:
            self.stdout.write(f"  UNPAID  order #{order.number} is {order.status}: {reason}")
        problems = len(report.paid_without_order) + len(report.orders_without_payment)
        self.stdout.write(f"{problems} to look at, {len(report.fixed)} fixed.")
