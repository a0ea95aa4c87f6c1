"""When live chat is staffed, evaluated in UK wall-clock time.

Chat is open on a day that has opening hours, unless that day is a bank
holiday in England and Wales or inside a staff closure (the business
calendar), from ``opens`` up to but not including ``closes``. Comparing wall
clock times in Europe/London keeps 8am at 8am on both sides of a clock change.

The weekly hours are one small query per request (the promise strip shows
them on every page); they are not cached, so every app server sees a change
at once.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from shop.chat.models import WEEKDAYS, OpeningHours
from shop.core.formats import clock
from shop.core.memo import per_request
from shop.workdays.calendar import BusinessCalendar, business_calendar, local_now

DAY_NAMES = dict(WEEKDAYS)
LOOKAHEAD_DAYS = 60


def weekly_hours(request=None) -> list[OpeningHours]:
    return per_request(request, "chat-hours", lambda: list(OpeningHours.objects.all()))


def hours_text(hours: list[OpeningHours]) -> str:
    """The hours in a few words: "8am - 8pm" when every day is the same, else per day-run."""
    if not hours:
        return "closed"
    spans = {(h.opens, h.closes) for h in hours}
    if len(hours) == 7 and len(spans) == 1:
        opens, closes = spans.pop()
        return f"{clock(opens)} - {clock(closes)}"
    runs: list[list[OpeningHours]] = []
    for day in hours:
        last = runs[-1][-1] if runs else None
        if (
            last
            and day.weekday == last.weekday + 1
            and (day.opens, day.closes)
            == (
                last.opens,
                last.closes,
            )
        ):
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        first, last = DAY_NAMES[run[0].weekday][:3], DAY_NAMES[run[-1].weekday][:3]
        days = first if len(run) == 1 else f"{first}-{last}"
        parts.append(f"{days} {clock(run[0].opens)} - {clock(run[0].closes)}")
    return ", ".join(parts)


@dataclass(frozen=True)
class ChatStatus:
    online: bool
    label: str  # "Online", "Offline — back Monday at 8am"

    @property
    def back(self) -> str:
        """When someone will answer: "now", or "Monday at 8am"."""
        return "now" if self.online else self.label.removeprefix("Offline — back ")


class ChatSchedule:
    """Opening hours on top of the business calendar."""

    def __init__(self, hours: list[OpeningHours], calendar: BusinessCalendar):
        self.by_weekday = {h.weekday: (h.opens, h.closes) for h in hours}
        self.calendar = calendar

    @classmethod
    def current(cls, request=None, now: datetime | None = None) -> "ChatSchedule":
        return cls(weekly_hours(request), business_calendar(request, now))

    def hours_on(self, day: date) -> tuple[time, time] | None:
        """Opening and closing time on ``day``, or None when chat is closed all day."""
        if day in self.calendar.bank_holidays or self.calendar.closure_on(day):
            return None
        return self.by_weekday.get(day.weekday())

    def status(self, now: datetime | None = None) -> ChatStatus:
        local = local_now(now)
        today = self.hours_on(local.date())
        if today and today[0] <= local.time() < today[1]:
            return ChatStatus(True, "Online")
        opens = self.next_opening(local)
        if opens is None:
            return ChatStatus(False, "Offline")
        return ChatStatus(False, f"Offline — back {describe_return(opens, now)}")

    def next_opening(self, local: datetime) -> datetime | None:
        for offset in range(LOOKAHEAD_DAYS):
            day = local.date() + timedelta(days=offset)
            hours = self.hours_on(day)
            if hours and (offset > 0 or local.time() < hours[0]):
                return self._at(day, hours[0])
        return None

    @staticmethod
    def _at(day: date, moment: time) -> datetime:
        return datetime.combine(day, moment, ZoneInfo(settings.TIME_ZONE))


def describe_return(opens: datetime, now: datetime | None = None) -> str:
    """ "at 8am" today, "tomorrow at 8am", "Monday at 8am" this week, else "on 2 January at 8am"."""
    today = local_now(now).date()
    days = (opens.date() - today).days
    at = f"at {clock(opens.time())}"
    if days == 0:
        return at
    if days == 1:
        return f"tomorrow {at}"
    if days < 7:
        return f"{opens:%A} {at}"
    return f"on {opens.day} {opens:%B} {at}"
