"""Write locale/en_GB: Oscar's messages in British English (shop/core/uk_wording.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from shop.core import uk_wording


class Command(BaseCommand):
    help = "Write the British English catalogue of Oscar's messages (locale/en_GB)."

    def handle(self, *args, **options):
        folder = settings.BASE_DIR / "locale" / "en_GB" / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in uk_wording.files().items():
            (folder / name).write_bytes(content)
        self.stdout.write(f"Wrote {folder}")
