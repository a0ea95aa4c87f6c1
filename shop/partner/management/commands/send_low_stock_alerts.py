"""manage.py send_low_stock_alerts: e-mail Order staff about new low-stock alerts."""

from django.core.management.base import BaseCommand

from shop.partner.stock import queue_low_stock_emails


class Command(BaseCommand):
    help = "Queue an e-mail to Order staff for each new low-stock alert. Safe to run often."

    def handle(self, *args, **options):
        self.stdout.write(f"Queued e-mails for {queue_low_stock_emails()} low-stock alert(s).")
