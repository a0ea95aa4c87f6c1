"""Consent workflows: ask (double opt-in), confirm, withdraw, and send marketing.

Each state change writes a consent record with the words shown, in the
caller's transaction, and e-mail goes through the outbox in that same
transaction: a sign-up and its confirmation e-mail exist together or not at all.
"""

from datetime import timedelta
from enum import Enum

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from shop.core.site import site_url
from shop.legal.trader import current_trader
from shop.newsletter import tokens
from shop.newsletter.models import ConsentRecord, Source, Subscriber
from shop.outbox.models import OutboxEmail
from shop.outbox.services import queue_email

Action = ConsentRecord.Action
Status = Subscriber.Status

# A pending sign-up asked for again within this time gets no second e-mail: the
# form cannot be used to flood someone's inbox (the link sent before still works).
RESEND_AFTER = timedelta(hours=1)
CONFIRM_SUBJECT = "Please confirm your kēpos newsletter subscription"


class NotConsented(Exception):
    """Marketing e-mail was about to go to someone who has not confirmed consent."""


def normalise_email(email: str) -> str:
    """``email`` stripped and checked; ValidationError with a clear message if unusable."""
    email = (email or "").strip()
    validate_email(email)
    if len(email) > 254:
        raise ValidationError("That e-mail address is too long.")
    return email


def request_signup(*, email: str, source: str, wording: str, user=None) -> Subscriber:
    """Record that ``email`` asked to subscribe, seeing ``wording``, and e-mail a link
    to confirm (double opt-in). Nothing is sent to someone already subscribed, nor a
    second link within an hour of the first. Raises ValidationError for a bad address.

    ``source`` is a ``Source`` value; ``wording`` one of ``shop.newsletter.wording``'s
    constants, stored verbatim. ``user`` is linked only when the address is theirs.
    Runs in the caller's transaction when there is one (the checkout's).
    """
    email = normalise_email(email)
    if source not in Source.values:
        raise ValueError(f"Unknown consent source {source!r}")
    if not wording or not wording.strip():
        raise ValueError("The wording shown to the person is needed as evidence of consent.")
    now = timezone.now()
    with transaction.atomic():
        subscriber = _locked_or_new(email, source=source, now=now)
        owns_address = user is not None and (user.email or "").lower() == email.lower()
        if owns_address and subscriber.user_id is None:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
        if subscriber.status == Status.CONFIRMED:
            return subscriber  # already subscribed: nothing to ask, nothing to send
        # Asked again soon after: recorded (it is what they saw), but the link sent
        # then still works, so no second e-mail.
        send = not (
            subscriber.status == Status.PENDING
            and subscriber.confirmation_sent_at is not None
            and now - subscriber.confirmation_sent_at < RESEND_AFTER
        )
        subscriber.status = Status.PENDING
        subscriber.source = source
        subscriber.requested_at = now
        if send:
            subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["status", "source", "requested_at", "confirmation_sent_at"])
        request = ConsentRecord.objects.create(
            subscriber=subscriber, action=Action.REQUESTED, at=now, source=source, wording=wording
        )
        if send:
            _queue_confirmation(subscriber, request)
    return subscriber


def _locked_or_new(email: str, *, source: str, now) -> Subscriber:
    """The subscriber row for ``email``, locked, or a new one. Two sign-ups racing for
    one address meet at the unique constraint; the loser reads the winner's row."""
    subscriber = Subscriber.objects.select_for_update().with_email(email).first()
    if subscriber is not None:
        return subscriber
    try:
        with transaction.atomic():
            return Subscriber.objects.create(
                email=email, source=source, created_at=now, requested_at=now
            )
    except IntegrityError:  # created meanwhile by another request
        subscriber = Subscriber.objects.select_for_update().with_email(email).first()
        if subscriber is None:
            raise
        return subscriber


def _queue_confirmation(subscriber: Subscriber, request: ConsentRecord) -> OutboxEmail:
    link = site_url(reverse("newsletter:confirm", args=[tokens.confirm_token(request)]))
    context = {
        "confirm_url": link,
        "days": tokens.CONFIRM_MAX_AGE_DAYS,
        "wording": request.wording,
        "trader": current_trader(),
    }
    return queue_email(
        to=subscriber.email,
        subject=CONFIRM_SUBJECT,
        body_text=render_to_string("newsletter/emails/confirm.txt", context),
    )


class Outcome(Enum):
    DONE = "done"
    ALREADY = "already"
    STALE = "stale"  # a link from before the person unsubscribed


def confirm(*, request: ConsentRecord, wording: str) -> Outcome:
    """Confirm the sign-up ``request`` (a "requested" record) from its e-mailed link."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=request.subscriber_id)
        if subscriber.status == Status.CONFIRMED:
            return Outcome.ALREADY
        if subscriber.unsubscribed_at and request.at < subscriber.unsubscribed_at:
            return Outcome.STALE
        subscriber.status = Status.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["status", "confirmed_at"])
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=Action.CONFIRMED,
            at=now,
            source=Source.EMAIL,
            wording=wording,
            confirms=request,
        )
    return Outcome.DONE


def unsubscribe(*, subscriber: Subscriber, source: str, wording: str) -> Outcome:
    """Withdraw consent (also cancels a sign-up waiting for confirmation)."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Status.UNSUBSCRIBED:
            return Outcome.ALREADY
        subscriber.status = Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = now
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        ConsentRecord.objects.create(
            subscriber=subscriber, action=Action.WITHDRAWN, at=now, source=source, wording=wording
        )
    return Outcome.DONE


def unsubscribe_url(subscriber: Subscriber) -> str:
    """The absolute one-click unsubscribe link for ``subscriber``."""
    return site_url(reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)]))


def queue_marketing_email(
    *, subscriber: Subscriber, subject: str, body_text: str, body_html: str = ""
) -> OutboxEmail:
    """Queue marketing e-mail to a confirmed subscriber, with an unsubscribe link in the
    body and the RFC 2369 / RFC 8058 headers mail programs show as "Unsubscribe"."""
    # Read again: the object may be older than an unsubscribe a moment ago.
    if not Subscriber.objects.confirmed().filter(pk=subscriber.pk).exists():
        raise NotConsented(f"Subscriber {subscriber.pk} has not confirmed consent")
    link = unsubscribe_url(subscriber)
    footer = f"You get this e-mail because you subscribed to kēpos news. Unsubscribe: {link}"
    body_text = f"{body_text.rstrip()}\n\n--\n{footer}\n"
    if body_html:
        paragraph = (
            '<p style="font-size:12px;color:#555">You get this e-mail because you subscribed '
            f'to kēpos news. <a href="{escape(link)}">Unsubscribe</a></p>'
        )
        closing = body_html.lower().rfind("</body>")
        if closing == -1:
            body_html = f"{body_html}\n{paragraph}"
        else:
            body_html = f"{body_html[:closing]}{paragraph}\n{body_html[closing:]}"
    return queue_email(
        to=subscriber.email,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
