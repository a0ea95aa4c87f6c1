"""A year of renewals, run as the scheduler would (several times a day, across
both clock changes and every bank holiday), and two runs at once."""

import threading
from datetime import date, timedelta

import pytest
import time_machine
from django.db import connections
from oscar.core.loading import get_model

from shop.gateways.models import TestIntent
from shop.outbox.models import OutboxEmail
from shop.subscriptions import renewals
from shop.subscriptions.models import Renewal, Subscription
from shop.workdays.calendar import BusinessCalendar, local_now
from tests.subscriptions import helpers

Order = get_model("order", "Order")
RUN_TIMES_UTC = ("00:30", "06:00", "12:00", "23:30")  # 23:30 UTC is 00:30 in London in summer


@pytest.mark.django_db
def test_subscription_renewals_across_a_year_make_one_order_per_due_date_on_the_uk_date():
    world = helpers.world()
    kefir_litre = world["kefir"].children.get(title__endswith="1 litre")
    helpers.set_stock(kefir_litre, 1000)  # a year of weekly deliveries
    weekly = helpers.direct_subscription(
        world["sam"], kefir_litre, next_date=date(2027, 1, 3), weeks=1, quantity=4
    )  # Sundays, so dues fall on both clock changes (28 March, 31 October 2027)
    monthly = helpers.direct_subscription(
        helpers.customer("ada@example.com"), world["capsules"], next_date=date(2027, 1, 4), weeks=4
    )
    day = date(2027, 1, 1)
    while day <= date(2027, 12, 31):
        for time in RUN_TIMES_UTC:
            now = helpers.at(f"{day} {time}")
            with time_machine.travel(now, tick=False):
                renewals.run(now=now)
        day += timedelta(days=1)

    calendar = BusinessCalendar(date(2027, 1, 1))
    calendar.end = date(2028, 3, 1)
    for subscription, weeks, first in (
        (weekly, 1, date(2027, 1, 3)),
        (monthly, 4, date(2027, 1, 4)),
    ):
        due = [first + timedelta(weeks=weeks * n) for n in range(60)]
        due = [d for d in due if d <= date(2027, 12, 31)]
        orders = list(Order.objects.filter(user=subscription.user).order_by("date_placed"))
        assert [local_now(o.date_placed).date() for o in orders] == due
        assert all(o.status == "Paid" for o in orders)
        assert all(calendar.is_working_day(o.dispatch_on) for o in orders)
        assert all(o.dispatch_on >= local_now(o.date_placed).date() for o in orders)
        assert Renewal.objects.filter(subscription=subscription).count() == len(due)
        reminders = OutboxEmail.objects.filter(
            to=subscription.user.email, subject__startswith="Your next"
        )
        reminded = [d for d in (first + timedelta(weeks=weeks * n) for n in range(60))
                    if d <= date(2027, 12, 31) + timedelta(days=3)]  # fmt: skip
        assert reminders.count() == len(reminded)  # one per delivery, 3 days before
    sundays = {local_now(o.date_placed).date() for o in Order.objects.filter(user=weekly.user)}
    assert {date(2027, 3, 28), date(2027, 10, 31)} <= sundays
    boxing_day = Order.objects.get(user=weekly.user, dispatch_on__gte=date(2027, 12, 24))
    assert local_now(boxing_day.date_placed).date() == date(2027, 12, 26)  # a Sunday
    assert boxing_day.dispatch_on == date(2027, 12, 29)  # after the two bank holidays


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_subscription_renewal_runs_at_once_create_one_order_each():
    world = helpers.world()
    today = local_now().date()
    subscriptions = [
        helpers.direct_subscription(
            helpers.customer(f"c{n}@example.com"), world["capsules"], next_date=today
        )  # fmt: skip
        for n in range(6)
    ]
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            renewals.run()
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert errors == []
    for subscription in subscriptions:
        orders = Order.objects.filter(user=subscription.user)
        assert orders.count() == 1
        assert orders.get().status == "Paid"
        assert TestIntent.objects.filter(order_number=orders.get().number).count() == 1
    assert Subscription.objects.filter(next_date=today + timedelta(weeks=4)).count() == 6
