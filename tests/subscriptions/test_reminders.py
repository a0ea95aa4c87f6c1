"""The reminder before each renewal, and its signed links that skip or cancel
without signing in: only that action, only for that delivery."""

import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core import signing
from django.urls import reverse

from shop.outbox.models import OutboxEmail
from shop.subscriptions import links, renewals
from shop.subscriptions.models import Subscription
from tests.pages import text_of
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db

Status = Subscription.Status


@pytest.fixture
def world():
    return helpers.world()


@pytest.fixture
def due_soon(world):
    """Capsules every 4 weeks, renewing on Monday 12 April 2027."""
    return helpers.direct_subscription(world["sam"], world["capsules"], next_date=date(2027, 4, 12))


def remind_on(day: str):
    now = helpers.at(f"{day} 08:00")
    with time_machine.travel(now, tick=False):
        return renewals.run(now=now)


def reminders():
    return list(OutboxEmail.objects.filter(subject__startswith="Your next"))


def link_in(email, action: str) -> str:
    found = re.search(
        rf"https?://[^/\s]+(/accounts/subscriptions/email/{action}/\S+/)", email.body_text
    )
    assert found, email.body_text
    return found.group(1)


def test_subscription_reminder_goes_three_days_before_with_the_amount_date_and_links(due_soon):
    remind_on("2027-04-08")
    assert reminders() == []  # four days before: not yet

    remind_on("2027-04-09")

    (email,) = reminders()
    assert email.to == "sam@example.com"
    assert email.subject == "Your next kēpos daily gut health delivery: Monday 12 April"
    assert "Monday 12 April 2027" in email.body_text
    assert "£35.99" in email.body_text
    assert "Visa ending 4242" in email.body_text
    assert link_in(email, "skip") and link_in(email, "cancel")


def test_subscription_reminder_is_sent_once_per_delivery(due_soon):
    remind_on("2027-04-09")
    remind_on("2027-04-10")
    remind_on("2027-04-11")

    assert len(reminders()) == 1


def test_subscription_reminder_is_not_sent_while_paused(due_soon):
    Subscription.objects.filter(pk=due_soon.pk).update(status=Status.PAUSED)

    remind_on("2027-04-10")

    assert reminders() == []


def test_subscription_reminder_skip_link_skips_that_delivery_without_signing_in(client, due_soon):
    remind_on("2027-04-09")
    url = link_in(reminders()[0], "skip")

    page = client.get(url)
    assert "Skip the delivery of 1 × kēpos daily gut health on Monday 12 April" in text_of(page)
    due_soon.refresh_from_db()
    assert due_soon.next_date == date(2027, 4, 12)  # opening the link changes nothing

    done = client.post(url)

    due_soon.refresh_from_db()
    assert due_soon.next_date == date(2027, 5, 10)
    assert due_soon.status == Status.ACTIVE
    assert "that delivery is skipped" in text_of(done)


def test_subscription_reminder_link_reused_does_nothing_more(client, due_soon):
    remind_on("2027-04-09")
    url = link_in(reminders()[0], "skip")
    client.post(url)

    again = client.post(url)

    due_soon.refresh_from_db()
    assert due_soon.next_date == date(2027, 5, 10)  # skipped once, not twice
    assert "already been skipped or sent" in text_of(again)


def test_subscription_reminder_cancel_link_cancels_only_that_subscription(client, world, due_soon):
    other = helpers.direct_subscription(
        world["sam"], world["capsules"], next_date=date(2027, 4, 20)
    )
    remind_on("2027-04-09")
    url = link_in(reminders()[0], "cancel")

    client.post(url)

    due_soon.refresh_from_db()
    other.refresh_from_db()
    assert due_soon.status == Status.CANCELLED
    assert other.status == Status.ACTIVE
    assert "already cancelled" in text_of(client.post(url))


def test_subscription_skip_link_cannot_be_used_to_cancel(client, due_soon):
    token = links.token_for(due_soon, "skip")

    response = client.post(reverse("subscriptions:email-cancel", args=[token]))

    assert response.status_code == 400
    due_soon.refresh_from_db()
    assert due_soon.status == Status.ACTIVE


def test_subscription_link_tampered_with_is_refused(client, due_soon):
    token = links.token_for(due_soon, "cancel")
    data = signing.loads(token, salt=links.SALT)
    forged = signing.dumps({**data, "s": due_soon.pk + 1}, salt="another salt", compress=True)

    for bad in (forged, token[:-2] + "xx", "nonsense"):
        response = client.post(reverse("subscriptions:email-cancel", args=[bad]))
        assert response.status_code == 400
        assert "isn't valid" in text_of(response)
    due_soon.refresh_from_db()
    assert due_soon.status == Status.ACTIVE


def test_subscription_link_expires(client, due_soon):
    with time_machine.travel(helpers.at("2027-04-09 08:00"), tick=False):
        token = links.token_for(due_soon, "skip")
    with time_machine.travel(helpers.at("2027-04-09 08:00") + timedelta(days=15), tick=False):
        response = client.post(reverse("subscriptions:email-skip", args=[token]))

    assert response.status_code == 400
    assert "expired" in text_of(response)
    due_soon.refresh_from_db()
    assert due_soon.next_date == date(2027, 4, 12)
