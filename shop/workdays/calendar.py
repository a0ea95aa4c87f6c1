"""Working days for dispatch and live chat, in the store's time zone.

A working day is a weekday that is neither an England & Wales bank holiday
(from the ``holidays`` package, so no dates are hard-coded) nor inside a
staff-entered ``Closure``. One calendar serves the delivery rules and the
live chat's opening hours.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings
from django.utils import timezone

# How far ahead a calendar looks: longer than any transit time plus the
# longest closure a Closure may have (63 days).
HORIZON_DAYS = 120


def local_now(now: datetime | None = None) -> datetime:
    """``now`` (aware, any zone) as wall-clock time in the store's time zone."""
    return (now or timezone.now()).astimezone(ZoneInfo(settings.TIME_ZONE))


class BusinessCalendar:
    """Which days are working days, from ``start`` for HORIZON_DAYS.

    ``closures`` are (first_day, last_day, reason) runs; ``for_dates`` loads
    them from the database in one query.
    """

    def __init__(self, start: date, closures: Iterable[tuple[date, date, str]] = ()):
        self.start = start
        self.end = start + timedelta(days=HORIZON_DAYS)
        self._closures = sorted(closures)

    @classmethod
    def for_dates(cls, start: date) -> "BusinessCalendar":
        from shop.workdays.models import Closure

        rows = Closure.objects.overlapping(start, start + timedelta(days=HORIZON_DAYS))
        return cls(start, rows.values_list("first_day", "last_day", "reason"))

    @cached_property
    def bank_holidays(self) -> holidays.HolidayBase:
        years = range(self.start.year - 1, self.end.year + 2)
        return holidays.country_holidays("GB", subdiv="ENG", years=years)

    def closure_on(self, day: date) -> str | None:
        """Why the business is closed on ``day``, or None if it is not a closure."""
        for first, last, reason in self._closures:
            if first <= day <= last:
                return reason
        return None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.bank_holidays and not self.closure_on(day)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        candidate = day + timedelta(days=1)
        while not self.is_working_day(candidate):
            candidate += timedelta(days=1)
            if candidate > self.end + timedelta(days=366):
                raise ValueError("No working day within a year: check the closures")
        return candidate

    def add_working_days(self, day: date, count: int) -> date:
        """The working day ``count`` working days after ``day`` (0 gives ``day``)."""
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def all_working_between(self, first: date, last: date) -> bool:
        """True when every day from ``first`` to ``last`` inclusive is a working day."""
        day = first
        while day <= last:
            if not self.is_working_day(day):
                return False
            day += timedelta(days=1)
        return True

    def upcoming_closures(self, limit: int = 5) -> list[tuple[date, date, str]]:
        return [c for c in self._closures if c[1] >= self.start][:limit]

    def bank_holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        return sorted((d, n) for d, n in self.bank_holidays.items() if first <= d <= last)


def business_calendar(request=None, now: datetime | None = None) -> "BusinessCalendar":
    """Today's calendar, loaded once per request however many parts of a page ask."""
    from shop.core.memo import per_request

    today = local_now(now).date()
    return per_request(request, f"calendar-{today}", lambda: BusinessCalendar.for_dates(today))
