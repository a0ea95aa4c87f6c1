"""manage.py purge_personal_data: the retention job (run daily); see shop.privacy.retention."""

from django.core.management.base import BaseCommand

from shop.privacy import retention


class Command(BaseCommand):
    help = (
        "Delete personal data past its retention period: expired sessions, untouched "
        "baskets without an order, old sent or given-up outbox e-mails, quiet chats. "
        "Idempotent; run daily."
    )

    def handle(self, *args, **options):
        removed = retention.run()
        self.stdout.write(
            "Deleted " + ", ".join(f"{count} {what}" for what, count in removed.items()) + "."
        )
