"""The chat's weekly hours, loaded once per request."""

from shop.chat.models import OpeningHours
from shop.core.memo import per_request


def weekly_hours(request=None) -> list[OpeningHours]:
    return per_request(request, "chat-hours", lambda: list(OpeningHours.objects.all()))
