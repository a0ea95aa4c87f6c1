"""When renewals happen: the store's dates (Europe/London), retries, reminders.

A subscription renews on its ``next_date``: the first run of the renewal job
on that UK date writes and charges the order (dispatch follows the business
calendar, like any order). A failed payment is retried 1, 3 and 5 days after
the first failure, then the subscription is paused.
"""

from datetime import date, datetime, timedelta

from shop.workdays.calendar import local_now

RETRY_AFTER_DAYS = (1, 3, 5)  # after the first failure
REMIND_DAYS_BEFORE = 3
CHARGE_LEASE = timedelta(minutes=10)  # a run charging a renewal holds it this long


def uk_today(now: datetime | None = None) -> date:
    return local_now(now).date()


def next_after(due: date, weeks: int, today: date) -> date:
    """The first date after ``due`` on the subscription's rhythm that is after today."""
    step = timedelta(weeks=weeks)
    following = due + step
    while following <= today:
        following += step
    return following


def retry_at(first_failed_at: datetime, failures: int) -> datetime | None:
    """When to try again after ``failures`` failed attempts (None: stop trying)."""
    if failures > len(RETRY_AFTER_DAYS):
        return None
    return first_failed_at + timedelta(days=RETRY_AFTER_DAYS[failures - 1])
