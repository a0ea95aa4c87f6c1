"""Dispatch and delivery dates, from the business calendar and a method's rule.

All times are wall-clock times in the store's zone (Europe/London), so the
14:00 cut-off stays at 14:00 on both sides of a clock change.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from shop.workdays.calendar import BusinessCalendar, local_now

# Enough to get past the longest closure a Closure allows (63 days).
MAX_DISPATCH_SEARCH_DAYS = 90


@dataclass(frozen=True)
class DeliveryEstimate:
    dispatch_on: date
    earliest: date
    latest: date
    order_within: timedelta | None  # time left before the cut-off, when dispatch is today

    @property
    def dispatches_today(self) -> bool:
        return self.order_within is not None

    @property
    def countdown(self) -> str:
        """ "3h 12m" until the cut-off ("" when dispatch is not today)."""
        if self.order_within is None:
            return ""
        minutes = max(1, int(self.order_within.total_seconds() // 60))
        hours, minutes = divmod(minutes, 60)
        return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def estimate(
    *,
    cutoff: time,
    transit_days: tuple[int, int],
    calendar: BusinessCalendar,
    now: datetime | None = None,
    no_weekend_transit: bool = False,
) -> DeliveryEstimate:
    """When an order placed at ``now`` is dispatched and delivered.

    Placed before ``cutoff`` on a working day, it leaves that day; otherwise
    on the next working day. It arrives ``transit_days`` (earliest, latest)
    working days after dispatch. With ``no_weekend_transit`` (live goods) it
    may not spend a non-working day in transit, so dispatch waits until the
    whole journey fits in working days (never a Friday for a Monday arrival).
    """
    local = local_now(now)
    today = local.date()
    if calendar.is_working_day(today) and local.time() < cutoff:
        dispatch = today
    else:
        dispatch = calendar.next_working_day(today)
    first_dispatch = dispatch
    while True:
        earliest = calendar.add_working_days(dispatch, transit_days[0])
        latest = calendar.add_working_days(dispatch, transit_days[1])
        if not no_weekend_transit or calendar.all_working_between(dispatch, latest):
            break
        dispatch = calendar.next_working_day(dispatch)
        if (dispatch - first_dispatch).days > MAX_DISPATCH_SEARCH_DAYS:
            raise ValueError("No dispatch day keeps the parcel out of weekends: check closures")
    order_within = None
    if dispatch == today:
        deadline = datetime.combine(today, cutoff, tzinfo=local.tzinfo)
        # Subtract in UTC: same-zone aware datetimes subtract as wall-clock times.
        order_within = deadline.astimezone(UTC) - local.astimezone(UTC)
    return DeliveryEstimate(dispatch, earliest, latest, order_within)
