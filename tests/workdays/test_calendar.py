"""The business calendar: weekdays, minus bank holidays and staff closures."""

from datetime import date

import pytest

from shop.workdays.calendar import BusinessCalendar
from shop.workdays.models import Closure

CHRISTMAS_BREAK = (date(2026, 12, 24), date(2027, 1, 1), "Christmas break")


def test_weekdays_are_working_days_and_weekends_are_not():
    calendar = BusinessCalendar(date(2026, 11, 1))

    assert calendar.is_working_day(date(2026, 11, 20))  # Friday
    assert not calendar.is_working_day(date(2026, 11, 21))  # Saturday
    assert not calendar.is_working_day(date(2026, 11, 22))  # Sunday


def test_england_and_wales_bank_holidays_are_not_working_days():
    calendar = BusinessCalendar(date(2026, 1, 1))

    assert not calendar.is_working_day(date(2026, 8, 31))  # Late Summer Bank Holiday
    assert not calendar.is_working_day(date(2026, 12, 28))  # Boxing Day (observed)
    assert calendar.is_working_day(date(2026, 8, 3))  # Scotland's August holiday: not ours


def test_staff_closures_are_not_working_days():
    calendar = BusinessCalendar(date(2026, 12, 1), [CHRISTMAS_BREAK])

    assert not calendar.is_working_day(date(2026, 12, 24))
    assert not calendar.is_working_day(date(2026, 12, 31))
    assert calendar.closure_on(date(2026, 12, 30)) == "Christmas break"
    assert calendar.is_working_day(date(2026, 12, 23))
    assert calendar.next_working_day(date(2026, 12, 23)) == date(2027, 1, 4)


def test_adding_working_days_skips_weekends_and_holidays():
    calendar = BusinessCalendar(date(2026, 8, 1))

    assert calendar.add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 1)  # Fri -> Tue
    assert calendar.add_working_days(date(2026, 8, 26), 3) == date(2026, 9, 1)
    assert calendar.add_working_days(date(2026, 8, 26), 0) == date(2026, 8, 26)


@pytest.mark.django_db
def test_the_calendar_loads_the_closures_staff_entered():
    Closure.objects.create(first_day=date(2026, 12, 24), last_day=date(2027, 1, 1), reason="Xmas")
    Closure.objects.create(first_day=date(2025, 12, 24), last_day=date(2026, 1, 1), reason="Old")

    calendar = BusinessCalendar.for_dates(date(2026, 12, 1))

    assert not calendar.is_working_day(date(2026, 12, 29))
    assert calendar.upcoming_closures() == [(date(2026, 12, 24), date(2027, 1, 1), "Xmas")]


@pytest.mark.django_db
def test_a_closure_cannot_end_before_it_starts_or_last_a_season():
    backwards = Closure(first_day=date(2026, 12, 24), last_day=date(2026, 12, 20), reason="Oops")
    endless = Closure(first_day=date(2026, 1, 1), last_day=date(2026, 6, 1), reason="Long")

    with pytest.raises(Exception, match="cannot be before"):
        backwards.full_clean()
    with pytest.raises(Exception, match="at most 63 days"):
        endless.full_clean()
