"""manage.py renew_subscriptions: renew due subscriptions and send reminders (every 5 min)."""

from django.core.management.base import BaseCommand

from shop.subscriptions import renewals


class Command(BaseCommand):
    help = (
        "Write and charge each due subscription's order (one per subscription and due "
        "date, however many servers run this at once), retry failed payments, and e-mail "
        "reminders before renewals. Safe to run often."
    )

    def handle(self, *args, **options):
        report = renewals.run()
        self.stdout.write(f"Subscriptions: {report.summary()}")
