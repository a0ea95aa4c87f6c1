"""The outbox: e-mail is saved with the order, sent later, retried, never lost."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from shop.outbox.models import OutboxEmail
from shop.outbox.services import queue_email, send_due

pytestmark = pytest.mark.django_db


class BrokenMailServer:
    """An e-mail backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")

    def open(self):
        pass

    def close(self):
        pass


def queued(**fields):
    return queue_email(
        to=fields.get("to", "guest@example.com"),
        subject=fields.get("subject", "Your order"),
        body_text="Thank you",
        body_html="<p>Thank you</p>",
    )


def test_queued_email_is_sent_by_the_command_once(settings):
    settings.SHOP_OUTBOX_SEND_ON_COMMIT = False
    email = queued()

    call_command("send_outbox", verbosity=0)
    call_command("send_outbox", verbosity=0)

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["guest@example.com"]
    assert mail.outbox[0].alternatives[0][0] == "<p>Thank you</p>"


def test_a_failing_mail_server_keeps_the_email_and_retries_with_back_off(settings):
    settings.SHOP_OUTBOX_SEND_ON_COMMIT = False
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenMailServer"
    email = queued()

    counts = send_due()

    email.refresh_from_db()
    assert counts == {"sent": 0, "retried": 1, "failed": 0}
    assert email.status == OutboxEmail.Status.PENDING
    assert email.attempts == 1
    assert "SMTP server unreachable" in email.last_error
    assert email.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert send_due() == {"sent": 0, "retried": 0, "failed": 0}  # not due yet

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_due(now=timezone.now() + timedelta(minutes=2))
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT


def test_after_the_last_attempt_the_outbox_gives_up_loudly(settings, caplog):
    settings.SHOP_OUTBOX_SEND_ON_COMMIT = False
    settings.SHOP_OUTBOX_MAX_ATTEMPTS = 2
    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenMailServer"
    email = queued()

    send_due()
    send_due(now=timezone.now() + timedelta(days=1))

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.FAILED
    assert "giving up on e-mail" in caplog.text


def test_email_queued_in_a_rolled_back_transaction_never_exists(settings):
    settings.SHOP_OUTBOX_SEND_ON_COMMIT = False

    def order_that_fails():
        with transaction.atomic():
            queued()
            raise RuntimeError("the order failed")

    with pytest.raises(RuntimeError):
        order_that_fails()

    assert not OutboxEmail.objects.exists()


def test_a_broken_mail_server_does_not_fail_the_order(
    client, settings, django_capture_on_commit_callbacks
):
    from oscar.core.loading import get_model

    from tests import checkout_steps as steps
    from tests import factories

    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenMailServer"
    factories.delivery_methods()
    item = factories.product("Capsules", "39.99")
    token = steps.guest_checkout(client, [(item, 1)])

    with django_capture_on_commit_callbacks(execute=True):
        response = steps.place_order(client, token=token)

    assert response.status_code == 302
    assert get_model("order", "Order").objects.count() == 1
    email = OutboxEmail.objects.get()
    assert email.status == OutboxEmail.Status.PENDING and email.attempts == 1
