"""The hours the header has always promised: live chat 8am-8pm, every day (UK time).

Called by the data migration and by the tests (see shop/storefront/seed.py)."""

from datetime import time


def opening_hours(apps) -> None:
    OpeningHours = apps.get_model("chat", "OpeningHours")
    for weekday in range(7):
        OpeningHours.objects.get_or_create(
            weekday=weekday, defaults={"opens": time(8, 0), "closes": time(20, 0)}
        )
