"""Dispatch and delivery dates: cut-off, weekends, holidays, closures, clock changes."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from shop.shipping.dates import estimate
from shop.workdays.calendar import BusinessCalendar

LONDON = ZoneInfo("Europe/London")
NEXT_DAY = {"cutoff": time(14, 0), "transit_days": (1, 1)}
STANDARD = {"cutoff": time(14, 0), "transit_days": (2, 3)}


def at(year, month, day, hour, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def next_day(now, *, closures=(), live=False, rule=NEXT_DAY):
    calendar = BusinessCalendar(now.date(), closures)
    return estimate(**rule, calendar=calendar, now=now, no_weekend_transit=live)


@pytest.mark.parametrize(
    ("hour", "minute", "dispatch", "arrives"),
    [
        (13, 59, date(2026, 11, 25), date(2026, 11, 26)),  # Wednesday, before the cut-off
        (14, 0, date(2026, 11, 26), date(2026, 11, 27)),  # at 14:00 it is too late
        (14, 1, date(2026, 11, 26), date(2026, 11, 27)),
    ],
)
def test_the_cutoff_on_a_weekday(hour, minute, dispatch, arrives):
    result = next_day(at(2026, 11, 25, hour, minute))

    assert (result.dispatch_on, result.earliest, result.latest) == (dispatch, arrives, arrives)


def test_before_the_cutoff_the_countdown_shows_the_time_left():
    result = next_day(at(2026, 11, 25, 10, 48))

    assert result.dispatches_today
    assert result.countdown == "3h 12m"
    assert (
        next_day(
            at(
                2026,
                11,
                25,
                13,
                59,
            )
        ).countdown
        == "1m"
    )
    assert not next_day(at(2026, 11, 25, 14, 0)).dispatches_today


def test_friday_afternoon_dispatches_on_monday_and_arrives_tuesday():
    result = next_day(at(2026, 11, 27, 15, 30))

    assert (result.dispatch_on, result.earliest) == (date(2026, 11, 30), date(2026, 12, 1))


def test_friday_morning_next_day_arrives_on_monday():
    result = next_day(at(2026, 11, 27, 9, 0))

    assert (result.dispatch_on, result.earliest) == (date(2026, 11, 27), date(2026, 11, 30))


def test_saturday_orders_dispatch_on_monday():
    result = next_day(at(2026, 11, 28, 9, 0))

    assert not result.dispatches_today
    assert (result.dispatch_on, result.earliest) == (date(2026, 11, 30), date(2026, 12, 1))


def test_the_day_before_a_bank_holiday():
    # Friday 28 August 2026; Monday 31 August is the Late Summer Bank Holiday.
    morning = next_day(at(2026, 8, 28, 11, 0))
    afternoon = next_day(at(2026, 8, 28, 15, 0))

    assert (morning.dispatch_on, morning.earliest) == (date(2026, 8, 28), date(2026, 9, 1))
    assert (afternoon.dispatch_on, afternoon.earliest) == (date(2026, 9, 1), date(2026, 9, 2))


def test_a_staff_closure_day_neither_dispatches_nor_delivers():
    closure = [(date(2026, 11, 26), date(2026, 11, 26), "Stocktake")]

    on_the_day = next_day(at(2026, 11, 26, 9, 0), closures=closure)
    the_day_before = next_day(at(2026, 11, 25, 9, 0), closures=closure)

    assert (on_the_day.dispatch_on, on_the_day.earliest) == (date(2026, 11, 27), date(2026, 11, 30))
    assert (the_day_before.dispatch_on, the_day_before.earliest) == (
        date(2026, 11, 25),
        date(2026, 11, 27),
    )


@pytest.mark.parametrize(
    ("switch_day", "monday"),
    [(date(2026, 3, 29), date(2026, 3, 30)), (date(2026, 10, 25), date(2026, 10, 26))],
)
def test_clock_changes_do_not_move_the_cutoff(switch_day, monday):
    # The clocks change on a Sunday at 01:00 UTC: nothing leaves that day...
    sunday = next_day(
        datetime(switch_day.year, switch_day.month, switch_day.day, 1, 30, tzinfo=LONDON)
    )
    assert sunday.dispatch_on == monday
    # ...and on the Monday after, the cut-off is still 14:00 on the wall clock.
    assert next_day(at(monday.year, monday.month, monday.day, 13, 59)).dispatch_on == monday
    assert next_day(at(monday.year, monday.month, monday.day, 14, 0)).dispatch_on != monday
    utc_just_before = at(monday.year, monday.month, monday.day, 13, 59).astimezone(ZoneInfo("UTC"))
    assert next_day(utc_just_before).dispatch_on == monday  # the zone of `now` does not matter
    assert next_day(at(monday.year, monday.month, monday.day, 12, 0)).countdown == "2h 0m"


def test_live_goods_never_leave_on_a_friday_for_a_monday_arrival():
    friday_morning = at(2026, 11, 27, 9, 0)

    ordinary = next_day(friday_morning)
    live = next_day(friday_morning, live=True)

    assert ordinary.dispatch_on == date(2026, 11, 27)
    assert (live.dispatch_on, live.earliest) == (date(2026, 11, 30), date(2026, 12, 1))
    assert not live.dispatches_today


def test_live_goods_on_a_slower_method_wait_until_the_whole_journey_is_on_weekdays():
    wednesday = at(2026, 11, 25, 9, 0)

    live = next_day(wednesday, live=True, rule=STANDARD)

    # Wednesday + 3 working days would be Monday: wait for Monday's dispatch (Wed/Thu arrival).
    assert (live.dispatch_on, live.earliest, live.latest) == (
        date(2026, 11, 30),
        date(2026, 12, 2),
        date(2026, 12, 3),
    )


def test_live_goods_do_not_sit_in_transit_over_a_bank_holiday():
    # Thursday 27 August 2026 + 1 day is Friday: fine. Friday -> Tuesday crosses the holiday.
    thursday = next_day(at(2026, 8, 27, 9, 0), live=True)
    friday = next_day(at(2026, 8, 28, 9, 0), live=True)

    assert thursday.dispatch_on == date(2026, 8, 27)
    assert friday.dispatch_on == date(2026, 9, 1)
