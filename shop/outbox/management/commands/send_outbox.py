"""manage.py send_outbox: send due e-mails from the outbox (run every minute)."""

from django.core.management.base import BaseCommand

from shop.outbox.services import send_due


class Command(BaseCommand):
    help = "Send the outbox's due e-mails, retrying failures with back-off. Safe to run often."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help="At most this many per run.")

    def handle(self, *args, limit, **options):
        counts = send_due(limit=limit)
        self.stdout.write(
            f"Outbox: {counts['sent']} sent, {counts['retried']} to retry, "
            f"{counts['failed']} gave up."
        )
