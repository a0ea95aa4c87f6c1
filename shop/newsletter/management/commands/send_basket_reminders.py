"""manage.py send_basket_reminders: e-mail consenting customers about baskets they
left (run every 15 minutes)."""

from django.core.management.base import BaseCommand

from shop.newsletter.reminders import run


class Command(BaseCommand):
    help = (
        "E-mail one reminder per abandoned basket to signed-in customers who subscribed "
        "(after SHOP_BASKET_REMINDER_HOURS, never for baskets over two days old). "
        "Safe to run often."
    )

    def handle(self, *args, **options):
        sent = run()
        self.stdout.write(f"Queued {sent} basket reminder{'s' if sent != 1 else ''}.")
