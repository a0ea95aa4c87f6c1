"""manage.py load_demo_data: demo catalogue, blog and (DEBUG only) staff accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.chat.models import CannedReply
from shop.demo.blog_loader import load_demo_blog
from shop.demo.chat_data import CANNED_REPLIES
from shop.demo.landing_home import load_demo_home
from shop.demo.loader import (
    DEMO_PASSWORD,
    DEMO_TOTP_KEY,
    create_demo_accounts,
    load_demo_catalogue,
)
from shop.demo.subscriber import create_demo_subscriber
from shop.twofactor.devices import base32


class Command(BaseCommand):
    help = (
        "Load the demo catalogue, delivery rules, blog, FAQ and chat canned replies and, when "
        "DEBUG is on, demo staff accounts and a demo customer with a subscription. Safe to "
        "re-run."
    )

    def handle(self, *args, **options):
        report = load_demo_catalogue()
        load_demo_blog(report)
        load_demo_home(report)
        for position, (title, body) in enumerate(CANNED_REPLIES, start=1):
            _, created = CannedReply.objects.get_or_create(
                title=title, defaults={"body": body, "position": position * 10}
            )
            if created:
                report.add("canned reply", title)
        if report.created:
            for line in report.created:
                self.stdout.write(f"  created {line}")
        else:
            self.stdout.write("Demo catalogue already loaded; nothing changed.")
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo accounts created.")
            return
        self.stdout.write("Demo sign-ins (local use only):")
        for account in create_demo_accounts():
            self.stdout.write(f"  {account['role']:<24} {account['email']} / {account['password']}")
        subscriber = create_demo_subscriber(DEMO_PASSWORD)
        if subscriber:
            self.stdout.write(
                f"  {'Customer with a subscription':<24} {subscriber['email']} / "
                f"{subscriber['password']}"
            )
        self.stdout.write(
            "Their authenticator app secret (two-factor sign-in, asked only with DEBUG off): "
            f"{base32(DEMO_TOTP_KEY)}"
        )
