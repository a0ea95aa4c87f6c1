"""When live chat is open: weekly hours on top of bank holidays and closures, in UK time."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from shop.chat.hours import ChatSchedule, hours_text
from shop.chat.models import OpeningHours
from shop.workdays.calendar import BusinessCalendar
from tests.pages import text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def schedule(today: date, closures=()) -> ChatSchedule:
    return ChatSchedule(list(OpeningHours.objects.all()), BusinessCalendar(today, closures))


def status_at(moment: datetime, closures=()):
    return schedule(moment.astimezone(LONDON).date(), closures).status(moment)


@pytest.mark.parametrize(
    ("clock", "online"),
    [(time(7, 59), False), (time(8, 0), True), (time(19, 59), True), (time(20, 0), False)],
)
def test_a_weekday_is_open_from_eight_until_just_before_eight(clock, online):
    wednesday = datetime.combine(date(2026, 11, 25), clock, LONDON)

    assert status_at(wednesday).online is online


def test_before_opening_it_says_when_it_opens_today():
    assert status_at(datetime(2026, 11, 25, 7, 59, tzinfo=LONDON)).label == (
        "Offline — back at 8am"
    )


def test_after_closing_it_says_tomorrow():
    assert status_at(datetime(2026, 11, 25, 20, 0, tzinfo=LONDON)).label == (
        "Offline — back tomorrow at 8am"
    )


def test_a_closure_day_is_closed_all_day():
    closures = [(date(2026, 11, 25), date(2026, 11, 25), "Stocktake")]

    status = status_at(datetime(2026, 11, 25, 12, 0, tzinfo=LONDON), closures)

    assert not status.online
    assert status.label == "Offline — back tomorrow at 8am"


def test_bank_holidays_are_closed_and_the_return_is_named():
    status = status_at(datetime(2026, 12, 25, 12, 0, tzinfo=LONDON))  # Christmas Day, Friday

    assert not status.online
    # Boxing Day (Saturday 26th) is a holiday too; Sunday 27th is an ordinary day.
    assert status.label == "Offline — back Sunday at 8am"


def test_closed_weekends_say_monday():
    OpeningHours.objects.filter(weekday__in=[5, 6]).delete()

    status = status_at(datetime(2026, 11, 27, 20, 30, tzinfo=LONDON))  # Friday evening

    assert status.label == "Offline — back Monday at 8am"


@pytest.mark.parametrize(
    ("utc_clock", "online"),
    # 29 March 2026: clocks go forward at 01:00 UTC, so 8am BST is 07:00 UTC.
    [(time(6, 59), False), (time(7, 0), True), (time(18, 59), True), (time(19, 0), False)],
)
def test_the_spring_clock_change(utc_clock, online):
    assert status_at(datetime.combine(date(2026, 3, 29), utc_clock, UTC)).online is online


@pytest.mark.parametrize(
    ("utc_clock", "online"),
    # 25 October 2026: clocks go back at 01:00 UTC, so 8am GMT is 08:00 UTC.
    [(time(7, 59), False), (time(8, 0), True), (time(19, 59), True), (time(20, 0), False)],
)
def test_the_autumn_clock_change(utc_clock, online):
    assert status_at(datetime.combine(date(2026, 10, 25), utc_clock, UTC)).online is online


def test_the_hours_in_words():
    assert hours_text(list(OpeningHours.objects.all())) == "8am - 8pm"
    OpeningHours.objects.filter(weekday=5).update(opens=time(9, 0), closes=time(17, 30))
    OpeningHours.objects.filter(weekday=6).delete()

    assert hours_text(list(OpeningHours.objects.all())) == "Mon-Fri 8am - 8pm, Sat 9am - 5:30pm"
    assert hours_text([]) == "closed"


def test_the_header_strip_shows_the_hours_staff_set(client):
    assert "Live Chat 8am - 8pm" in text_of(client.get("/"))

    for day in OpeningHours.objects.all():
        day.opens = time(9, 0)
        day.save()  # saving clears the cached hours

    assert "Live Chat 9am - 8pm" in text_of(client.get("/"))


def test_the_widget_status_is_computed_on_the_server(client):
    with time_machine.travel(datetime(2026, 11, 25, 12, 0, tzinfo=LONDON), tick=False):
        assert "Online" in text_of(client.get("/chat/"))
    with time_machine.travel(datetime(2026, 11, 25, 21, 0, tzinfo=LONDON), tick=False):
        assert "Offline — back tomorrow at 8am" in text_of(client.get("/chat/"))
