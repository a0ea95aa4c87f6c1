"""Abandoned-basket reminders: once, a few hours after, only with consent, never after
an order, never for old or guest baskets."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from oscar.test.factories import UserFactory, create_order

from shop.newsletter import reminders, services
from shop.newsletter.models import BasketReminder, Source
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.newsletter import helpers

pytestmark = pytest.mark.django_db


def later(hours: float):
    """A run this many hours after the basket was last changed (just now)."""
    return timezone.now() + timedelta(hours=hours)


@pytest.fixture
def capsules():
    return factories.product("kēpos capsules", "39.99")


def left_basket(user, item, quantity=2):
    basket = factories.basket_with((item, quantity))
    basket.owner = user
    basket.save()
    return basket


def reminders_to(address: str):
    return OutboxEmail.objects.filter(to=address, subject=reminders.SUBJECT)


@pytest.fixture
def customer():
    return UserFactory(email="sam@example.com", first_name="Sam")


def test_newsletter_basket_reminder_goes_once_to_a_consenting_customer(customer, capsules):
    subscriber = helpers.subscribed("sam@example.com", user=customer)
    basket = left_basket(customer, capsules)

    assert reminders.run(now=later(4)) == 1
    assert reminders.run(now=later(5)) == 0  # never twice for the same basket

    email = reminders_to("sam@example.com").get()
    assert "Hello Sam" in email.body_text
    assert "2 × kēpos capsules: £79.98" in email.body_text
    assert "/basket/" in email.body_text
    assert "kēpos capsules" in email.body_html and "£79.98" in email.body_html
    assert email.headers["List-Unsubscribe"] == f"<{services.unsubscribe_url(subscriber)}>"
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert BasketReminder.objects.get().basket == basket


def test_newsletter_basket_reminder_shows_todays_price(customer, capsules):
    helpers.subscribed("sam@example.com")
    left_basket(customer, capsules, quantity=1)
    capsules.stockrecords.update(price="34.99")

    reminders.run(now=later(4))

    assert "1 × kēpos capsules: £34.99" in reminders_to("sam@example.com").get().body_text


def test_newsletter_basket_reminder_matches_consent_by_email_address(customer, capsules):
    helpers.subscribed("SAM@example.com")  # signed up in the footer, not signed in
    left_basket(customer, capsules)

    assert reminders.run(now=later(4)) == 1


@pytest.mark.parametrize("consent", ["none", "pending", "unsubscribed", "someone else"])
def test_newsletter_basket_reminder_needs_confirmed_consent(customer, capsules, consent):
    if consent == "pending":
        helpers.signed_up("sam@example.com", user=customer)
    elif consent == "unsubscribed":
        subscriber = helpers.subscribed("sam@example.com", user=customer)
        services.unsubscribe(subscriber=subscriber, source=Source.ACCOUNT, wording="Stop")
    elif consent == "someone else":
        helpers.subscribed("ada@example.com")
    left_basket(customer, capsules)

    assert reminders.run(now=later(4)) == 0
    assert not OutboxEmail.objects.filter(subject=reminders.SUBJECT).exists()


def test_newsletter_basket_reminder_not_sent_once_the_basket_is_ordered(customer, capsules):
    helpers.subscribed("sam@example.com", user=customer)
    basket = left_basket(customer, capsules)
    basket.submit()

    assert reminders.run(now=later(4)) == 0


def test_newsletter_basket_reminder_not_sent_after_an_order_placed_since(customer, capsules):
    helpers.subscribed("sam@example.com", user=customer)
    left_basket(customer, capsules)
    create_order(user=customer)  # bought from another basket (e.g. another device)

    assert reminders.run(now=later(4)) == 0


def test_newsletter_basket_reminder_still_sent_after_an_older_order(customer, capsules):
    helpers.subscribed("sam@example.com", user=customer)
    order = create_order(user=customer)
    order.date_placed = timezone.now() - timedelta(days=10)
    order.save(update_fields=["date_placed"])
    left_basket(customer, capsules)

    assert reminders.run(now=later(4)) == 1


def test_newsletter_basket_reminder_waits_for_the_delay_and_skips_old_baskets(
    customer, capsules, settings
):
    helpers.subscribed("sam@example.com", user=customer)
    left_basket(customer, capsules)

    assert reminders.run(now=later(2)) == 0  # too recent (default 3 hours)
    assert reminders.run(now=later(50)) == 0  # too old: first run after a deploy
    settings.SHOP_BASKET_REMINDER_HOURS = 1
    assert reminders.run(now=later(1.5)) == 1


def test_newsletter_basket_reminder_never_for_a_guest_basket(capsules):
    helpers.subscribed("guest@example.com")
    factories.basket_with((capsules, 1))  # no owner: nobody to write to

    assert reminders.run(now=later(4)) == 0


def test_newsletter_basket_reminder_command_sends_in_batches_and_is_idempotent(capsules):
    for n in range(3):
        user = UserFactory(email=f"reader{n}@example.com")
        helpers.subscribed(user.email, user=user)
        left_basket(user, capsules)

    assert reminders.run(now=later(4), batch_size=2) == 3
    assert reminders.run(now=later(4), batch_size=2) == 0
    assert BasketReminder.objects.count() == 3

    call_command("send_basket_reminders", verbosity=0)  # now: too recent, nothing
    assert OutboxEmail.objects.filter(subject=reminders.SUBJECT).count() == 3
