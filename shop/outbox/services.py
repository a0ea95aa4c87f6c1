"""Queue e-mails in the outbox and send the due ones, retrying with back-off.

Queueing happens inside the caller's transaction, so an order and its
confirmation e-mail are saved together or not at all; sending happens after
commit (best effort) and in the ``send_outbox`` command (guaranteed), so a
failing mail server never fails or loses an order.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone

from shop.outbox.models import OutboxEmail

logger = logging.getLogger(__name__)

# Minutes to wait before each retry: 1, 5, 15, 60, then every 4 hours.
BACKOFF_MINUTES = (1, 5, 15, 60, 240)


def queue_email(
    *, to: str, subject: str, body_text: str, body_html: str = "", from_email: str | None = None
) -> OutboxEmail:
    """Save an e-mail for sending; after the transaction commits, try to send it at once."""
    email = OutboxEmail.objects.create(
        to=to,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject[:255],
        body_text=body_text,
        body_html=body_html,
    )
    if settings.SHOP_OUTBOX_SEND_ON_COMMIT:
        transaction.on_commit(lambda: send_due(ids=[email.pk]), robust=True)
    return email


def send_due(*, ids: list[int] | None = None, limit: int = 100, now=None) -> dict[str, int]:
    """Send due e-mails (all, or just ``ids``); returns counts of sent, retried, failed.

    Each message is claimed with a row lock that skips rows another worker
    holds, so two runs at once never send the same message twice.
    """
    counts = {"sent": 0, "retried": 0, "failed": 0}
    due = OutboxEmail.objects.due(now)
    if ids is not None:
        due = due.filter(pk__in=ids)
    connection = get_connection()
    for pk in list(due.values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            email = (
                OutboxEmail.objects.select_for_update(skip_locked=True)
                .due(now)
                .filter(pk=pk)
                .first()
            )
            if email is None:  # sent or claimed meanwhile
                continue
            counts[_attempt(email, connection)] += 1
    return counts


def _attempt(email: OutboxEmail, connection) -> str:
    message = EmailMultiAlternatives(
        email.subject, email.body_text, email.from_email, [email.to], connection=connection
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # any transport failure: keep the message and retry
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
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
    email.save(update_fields=["attempts", "status", "sent_at", "next_attempt_at", "last_error"])
    return outcome
