"""The retention job deletes what has passed its time (expired sessions, untouched
baskets, old outbox e-mails, quiet chats) and keeps what is recent or needed."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from oscar.core.loading import get_model

from shop.chat.models import Conversation
from shop.outbox.models import OutboxEmail
from shop.privacy import retention
from tests import factories
from tests.privacy import helpers

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
Status = OutboxEmail.Status


def ago(days: int):
    return timezone.now() - timedelta(days=days)


def session(key: str, expires_in_days: int) -> None:
    Session.objects.create(
        session_key=key.ljust(32, "0"), session_data="e30:", expire_date=ago(-expires_in_days)
    )


def basket(item, *, days_old: int, owner=None, status=Basket.OPEN, line_days_old=None):
    made = factories.basket_with((item, 1))
    Basket.objects.filter(pk=made.pk).update(owner=owner, status=status, date_created=ago(days_old))
    BasketLine.objects.filter(basket=made).update(
        date_updated=ago(days_old if line_days_old is None else line_days_old)
    )
    return made.pk


def mail(status: str, *, days_old: int, sent: bool = True) -> int:
    email = OutboxEmail.objects.create(
        to="someone@example.com",
        from_email="hello@kepos.example",
        subject="Your order",
        body_text="Dear Someone",
        status=status,
    )
    OutboxEmail.objects.filter(pk=email.pk).update(
        created_at=ago(days_old), sent_at=ago(days_old) if sent else None
    )
    return email.pk


def test_privacy_retention_deletes_expired_sessions_only():
    session("old", expires_in_days=-1)
    session("live", expires_in_days=13)

    removed = retention.run()

    assert removed["sessions"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live".ljust(32, "0")]


def test_privacy_retention_deletes_untouched_baskets_but_never_an_ordered_one(items):
    shopper = helpers.customer(helpers.ADA, orders=1, start=400001, items=items)
    ordered = shopper.orders[0].basket_id
    Basket.objects.filter(pk=ordered).update(date_created=ago(400))
    frozen_ordered = basket(items[0], days_old=200, status=Basket.FROZEN)
    order = helpers.place(None, [(items[1], 1)], number="400009", who=helpers.ADA)
    order.basket_id = frozen_ordered
    order.save(update_fields=["basket"])
    anonymous = basket(items[0], days_old=120)
    abandoned = basket(items[1], days_old=91, owner=shopper.user)
    merged = basket(items[1], days_old=200, status=Basket.MERGED)
    recent = basket(items[0], days_old=10)
    still_used = basket(items[0], days_old=300, owner=shopper.user, line_days_old=2)

    removed = retention.run()

    gone = {anonymous, abandoned, merged}
    assert removed["baskets"] == len(gone)
    assert not Basket.objects.filter(pk__in=gone).exists()
    assert not BasketLine.objects.filter(basket_id__in=gone).exists()
    kept = {ordered, frozen_ordered, recent, still_used}
    assert set(Basket.objects.filter(pk__in=kept).values_list("pk", flat=True)) == kept


def test_privacy_retention_deletes_old_sent_and_given_up_emails(settings):
    settings.SHOP_OUTBOX_RETENTION_DAYS = 30
    old_sent = mail(Status.SENT, days_old=31)
    old_failed = mail(Status.FAILED, days_old=91, sent=False)
    kept = {
        mail(Status.SENT, days_old=5),
        mail(Status.FAILED, days_old=20, sent=False),
        mail(Status.PENDING, days_old=200, sent=False),  # still to send: never purged
    }

    removed = retention.run()

    assert (removed["sent e-mails"], removed["given-up e-mails"]) == (1, 1)
    assert not OutboxEmail.objects.filter(pk__in=[old_sent, old_failed]).exists()
    assert set(OutboxEmail.objects.values_list("pk", flat=True)) == kept


def test_privacy_retention_purges_quiet_chats_through_the_chat_app(settings):
    settings.SHOP_CHAT_RETENTION_DAYS = 90
    quiet = helpers.chat(None, helpers.ADA, "Old question")
    Conversation.objects.filter(pk=quiet.pk).update(last_message_at=ago(91))
    lively = helpers.chat(None, helpers.SAM, "New question")

    removed = retention.run()

    assert removed["chats"] == 1
    assert list(Conversation.objects.values_list("pk", flat=True)) == [lively.pk]


def test_privacy_retention_job_is_idempotent_and_has_a_command(items, capsys):
    session("old", expires_in_days=-3)
    basket(items[0], days_old=120)
    mail(Status.SENT, days_old=60)

    call_command("purge_personal_data")
    again = retention.run()

    assert "Deleted 1 sessions, 1 baskets, 1 sent e-mails" in capsys.readouterr().out
    assert again == {
        "sessions": 0,
        "baskets": 0,
        "sent e-mails": 0,
        "given-up e-mails": 0,
        "chats": 0,
        "unconfirmed newsletter sign-ups": 0,
    }


def test_privacy_retention_deletes_in_batches_until_none_are_left():
    for n in range(5):
        session(f"old{n}", expires_in_days=-1)
    session("live", expires_in_days=1)

    removed = retention.delete_in_batches(retention.expired_sessions(timezone.now()), 2)

    assert removed == 5
    assert Session.objects.count() == 1
