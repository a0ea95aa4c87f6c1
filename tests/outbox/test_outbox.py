"""The outbox: e-mail is saved with the order, sent later, retried, never lost."""

import socket
import threading
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


def join_background_sends() -> None:
    for thread in threading.enumerate():
        if thread.name == "outbox-send":
            thread.join(timeout=30)


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


@pytest.mark.django_db(transaction=True)
def test_a_broken_mail_server_does_not_fail_the_order(client, settings):
    from oscar.core.loading import get_model

    from tests import checkout_steps as steps
    from tests import factories

    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenMailServer"
    factories.delivery_methods()
    item = factories.product("Capsules", "39.99")
    token = steps.guest_checkout(client, [(item, 1)])

    response = steps.place_order(client, token=token)
    join_background_sends()

    assert response.status_code == 302
    assert get_model("order", "Order").objects.count() == 1
    email = OutboxEmail.objects.get()
    assert email.status == OutboxEmail.Status.PENDING and email.attempts == 1


class HungMailServer:
    """A TCP server that accepts connections and never says a word; once released it
    hangs up on every client, present and future."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.released = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            if self.released.is_set():
                connection.close()
            else:
                self.accepted.append(connection)

    def release(self):
        self.released.set()
        for connection in self.accepted:
            connection.close()

    def stop(self):
        self.release()
        self.listener.close()


@pytest.fixture
def hung_mail_server(settings):
    server = HungMailServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 60  # longer than any test waits: only the release ends it
    yield server
    server.release()
    join_background_sends()
    server.stop()


@pytest.mark.django_db(transaction=True)
def test_place_order_answers_while_the_mail_server_hangs(client, hung_mail_server):
    from oscar.core.loading import get_model

    from tests import checkout_steps as steps
    from tests import factories

    factories.delivery_methods()
    item = factories.product("Capsules", "39.99")
    token = steps.guest_checkout(client, [(item, 1)])

    response = steps.place_order(client, token=token)

    # The page is back while the server has still not answered (only its timeout or
    # release could end a wait on it, and either records an error): nothing waited.
    assert response["Location"] == "/checkout/thank-you/"
    assert get_model("order", "Order").objects.get().status == "Paid"
    email = OutboxEmail.objects.get()
    assert (email.status, email.last_error) == (OutboxEmail.Status.PENDING, "")
    hung_mail_server.release()
    join_background_sends()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboxEmail.Status.PENDING, 1)
    assert email.last_error  # kept for send_outbox to retry


@pytest.mark.django_db(transaction=True)
def test_a_password_reset_answers_while_the_mail_server_hangs(client, hung_mail_server):
    from oscar.test.factories import UserFactory

    UserFactory(email="ada@example.com")

    response = client.post("/password-reset/", {"email": "ada@example.com"})

    assert response.status_code == 302
    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com" and email.last_error == ""


def test_after_a_failure_new_mail_waits_for_send_outbox(settings):
    from shop.outbox import services

    settings.EMAIL_BACKEND = "tests.outbox.test_outbox.BrokenMailServer"
    first = queued()
    send_due(ids=[first.pk])  # fails: the server rests

    assert services.mail_server_resting()
    assert services.send_soon(ids=[queued().pk]) is None  # no thread, no attempt
    assert OutboxEmail.objects.filter(attempts=0).count() == 1


def test_console_mail_is_sent_at_once_for_make_run(settings, capsys):
    from shop.outbox import services

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    email = queued(subject="Printed at once")

    assert services.send_soon(ids=[email.pk]) is None
    assert "Printed at once" in capsys.readouterr().out
    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT
