"""Queue e-mails in the outbox and send the due ones, retrying with back-off.

Queueing happens inside the caller's transaction, so an order and its
confirmation e-mail are saved together or not at all; sending happens after
commit (best effort) and in the ``send_outbox`` command (guaranteed), so a
failing mail server never fails or loses an order.

No request waits on a mail server: after commit, a backend that talks to the
network (SMTP) sends from a background thread with ``EMAIL_TIMEOUT``, and a
server that just failed is rested for a few minutes (its mail is left to
``send_outbox``). Backends that cannot hang (console, locmem, file) send at
once, so ``make run`` prints each e-mail as it happens.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import connections, transaction
from django.utils import timezone

from shop.outbox.models import OutboxEmail

logger = logging.getLogger(__name__)

# Minutes to wait before each retry: 1, 5, 15, 60, then every 4 hours.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def queue_email(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
) -> OutboxEmail:
    """Save an e-mail for sending; after the transaction commits, try to send it at once.

    ``headers`` are extra message headers (e.g. ``List-Unsubscribe``); one holding a
    line break is refused here rather than failing every send attempt later.
    """
    headers = {str(name): str(value) for name, value in (headers or {}).items()}
    for name, value in headers.items():
        if not name or any(c in f"{name}{value}" for c in "\r\n") or ":" in name:
            raise ValueError(f"Unusable e-mail header {name!r}")
    email = OutboxEmail.objects.create(
        to=to,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
        headers=headers,
    )
    if settings.SHOP_OUTBOX_SEND_ON_COMMIT:
        transaction.on_commit(lambda: send_soon(ids=[email.pk]), robust=True)
    return email


# Backends that write locally and cannot hang a request.
LOCAL_BACKENDS = (
    "django.core.mail.backends.console.",
    "django.core.mail.backends.locmem.",
    "django.core.mail.backends.filebased.",
    "django.core.mail.backends.dummy.",
)
RESTING_KEY = "outbox:mail-server-resting"


def sends_locally() -> bool:
    return settings.EMAIL_BACKEND.startswith(LOCAL_BACKENDS)


def mail_server_resting() -> bool:
    """True for a while after the mail server failed (a circuit breaker)."""
    return bool(cache.get(RESTING_KEY))


def send_soon(*, ids: list[int]) -> threading.Thread | None:
    """Try to send ``ids`` now without holding up the caller; ``send_outbox`` retries.

    Returns the background thread, if one was started (tests join it).
    """
    if sends_locally():
        send_due(ids=ids)
        return None
    if mail_server_resting():
        logger.info("Outbox: mail server resting; e-mails %s left to send_outbox", ids)
        return None
    thread = threading.Thread(
        target=_send_in_background, kwargs={"ids": ids}, name="outbox-send", daemon=True
    )
    thread.start()
    return thread


def _send_in_background(*, ids: list[int]) -> None:
    try:
        send_due(ids=ids)
    except Exception:  # the outbox keeps the message; send_outbox will retry it
        logger.exception("Outbox: sending %s in the background failed", ids)
    finally:
        connections.close_all()  # this thread's own database connections


def send_due(*, ids: list[int] | None = None, limit: int = 100, now=None) -> dict[str, int]:
    """Send due e-mails (all, or just ``ids``); returns counts of sent, retried, failed.

    Each message is claimed first, in a short transaction with a row lock that
    skips rows another worker holds: the claim counts the attempt and moves
    the next attempt past a lease, so no one else sends it meanwhile. The mail
    server is then spoken to outside any transaction (on SQLite a transaction
    holds the whole database's write lock), and the outcome saved after.
    """
    counts = {"sent": 0, "retried": 0, "failed": 0}
    due = OutboxEmail.objects.due(now)
    if ids is not None:
        due = due.filter(pk__in=ids)
    connection = get_connection()
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        email = _claim(pk, now)
        if email is not None:
            counts[_attempt(email, connection)] += 1
    return counts


def _claim(pk: int, now=None) -> OutboxEmail | None:
    lease = timedelta(seconds=settings.EMAIL_TIMEOUT * 3 + 60)
    with transaction.atomic():
        email = (
            OutboxEmail.objects.select_for_update(skip_locked=True).due(now).filter(pk=pk).first()
        )
        if email is None:  # sent or claimed meanwhile
            return None
        email.attempts += 1
        email.next_attempt_at = timezone.now() + lease  # if this worker dies, retried after
        email.save(update_fields=["attempts", "next_attempt_at"])
    return email


def _attempt(email: OutboxEmail, connection) -> str:
    message = EmailMultiAlternatives(
        email.subject,
        email.body_text,
        email.from_email,
        [email.to],
        connection=connection,
        headers=email.headers or None,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:  # any transport failure: keep the message and retry
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        cache.set(RESTING_KEY, True, timeout=settings.SHOP_OUTBOX_REST_SECONDS)
        if email.attempts >= settings.SHOP_OUTBOX_MAX_ATTEMPTS:
            email.status = OutboxEmail.Status.FAILED
            logger.error("Outbox: giving up on e-mail %s to %s: %s", email.pk, email.to, error)
            outcome = "failed"
        else:
            delay = BACKOFF_MINUTES[min(email.attempts, len(BACKOFF_MINUTES)) - 1]
            email.next_attempt_at = timezone.now() + timedelta(minutes=delay)
            logger.warning(
                "Outbox: e-mail %s failed (%s); retrying in %s min", email.pk, error, delay
            )
            outcome = "retried"
    else:
        email.status = OutboxEmail.Status.SENT
        email.sent_at = timezone.now()
        email.last_error = ""
        outcome = "sent"
    email.save(update_fields=["status", "sent_at", "next_attempt_at", "last_error"])
    return outcome
