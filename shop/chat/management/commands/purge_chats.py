"""Delete chat conversations quiet for longer than the retention period (UK GDPR)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from shop.chat.services import purge


class Command(BaseCommand):
    help = (
        "Delete chat conversations (and their messages) with no message for "
        "SHOP_CHAT_RETENTION_DAYS days. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SHOP_CHAT_RETENTION_DAYS,
            help="Override the retention period for this run.",
        )

    def handle(self, *args, days: int, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        count = purge(older_than_days=days)
        self.stdout.write(
            f"Deleted {count} conversation{'s' if count != 1 else ''} older than {days} days."
        )
