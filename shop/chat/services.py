"""What happens in a conversation: starting it, messages both ways, reading,
assigning, resolving, transcripts and purging.

Each change locks the conversation row, so a staff reply and a visitor
message arriving together both land and leave the "awaiting reply" state
right. E-mails go through the outbox, in the same transaction.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from shop.chat.models import Conversation, Message, OpeningHours
from shop.core.site import site_url
from shop.outbox.services import queue_email

# A visitor who has not polled for this long is away: staff replies are e-mailed.
AWAY_AFTER = timedelta(minutes=2)
SEEN_WRITE_EVERY = timedelta(seconds=30)


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _locked(conversation: Conversation) -> Conversation:
    return Conversation.objects.select_for_update().get(pk=conversation.pk)


@transaction.atomic
def start_conversation(
    *, name: str, email: str, message: str, online: bool, user=None, page: str = "", now=None
) -> Conversation:
    now = _now(now)
    conversation = Conversation.objects.create(
        name=name,
        email=email,
        user=user if user is not None and user.is_authenticated else None,
        consented_at=now,
        started_offline=not online,
        started_on=page[:300],
        last_message_at=now,
        awaiting_reply_since=now,
        visitor_seen_at=now,
    )
    Message.objects.create(conversation=conversation, sender=Message.Sender.VISITOR, body=message)
    return conversation


@transaction.atomic
def post_visitor_message(conversation: Conversation, body: str, now=None) -> Message:
    """The visitor's message; a resolved conversation opens again."""
    now = _now(now)
    locked = _locked(conversation)
    message = Message.objects.create(conversation=locked, sender=Message.Sender.VISITOR, body=body)
    locked.status = Conversation.Status.OPEN
    locked.resolved_at = None
    locked.last_message_at = now
    locked.awaiting_reply_since = locked.awaiting_reply_since or now
    locked.visitor_seen_at = now
    locked.save()
    return message


@transaction.atomic
def post_staff_reply(conversation: Conversation, body: str, *, user, now=None) -> Message:
    """A staff reply; e-mailed too when the visitor left a message offline or has gone."""
    now = _now(now)
    locked = _locked(conversation)
    message = Message.objects.create(
        conversation=locked, sender=Message.Sender.STAFF, author=user, body=body
    )
    locked.last_message_at = now
    locked.awaiting_reply_since = None
    locked.staff_read_up_to = max(locked.staff_read_up_to, message.pk)
    locked.assigned_to = locked.assigned_to or user
    locked.save()
    away = locked.visitor_seen_at is None or now - locked.visitor_seen_at > AWAY_AFTER
    if locked.started_offline or away:
        _email_reply(locked, message)
    return message


def note_visitor_seen(conversation: Conversation, now=None) -> None:
    """Remember the visitor is here (at most one write every 30 seconds per conversation)."""
    now = _now(now)
    seen = conversation.visitor_seen_at
    if seen is None or now - seen >= SEEN_WRITE_EVERY:
        Conversation.objects.filter(pk=conversation.pk).update(visitor_seen_at=now)
        conversation.visitor_seen_at = now


def mark_read(conversation: Conversation, up_to: int) -> None:
    """Staff have read the conversation up to message ``up_to`` (never goes backwards)."""
    Conversation.objects.filter(pk=conversation.pk, staff_read_up_to__lt=up_to).update(
        staff_read_up_to=up_to
    )


@transaction.atomic
def assign(conversation: Conversation, user) -> None:
    locked = _locked(conversation)
    locked.assigned_to = user
    locked.save(update_fields=["assigned_to"])


@transaction.atomic
def resolve(conversation: Conversation, *, user=None, now=None) -> None:
    """Close the conversation and e-mail the visitor its transcript."""
    locked = _locked(conversation)
    if not locked.is_open:
        return
    locked.status = Conversation.Status.RESOLVED
    locked.resolved_at = _now(now)
    locked.awaiting_reply_since = None
    locked.save()
    send_transcript(locked)


def send_transcript(conversation: Conversation) -> None:
    messages = list(conversation.messages.select_related("author"))
    context = {
        **_email_context(conversation),
        "chat_messages": messages,
        "retention_days": settings.SHOP_CHAT_RETENTION_DAYS,
    }
    queue_email(
        to=conversation.email,
        subject=f"Your conversation with {settings.OSCAR_SHOP_NAME}",
        body_text=render_to_string("chat/emails/transcript.txt", context),
    )


def _email_reply(conversation: Conversation, message: Message) -> None:
    context = {**_email_context(conversation), "message": message}
    queue_email(
        to=conversation.email,
        subject=f"A reply from {settings.OSCAR_SHOP_NAME} customer service",
        body_text=render_to_string("chat/emails/reply.txt", context),
    )


def _email_context(conversation: Conversation) -> dict:
    return {
        "conversation": conversation,
        "shop_name": settings.OSCAR_SHOP_NAME,
        "chat_url": site_url(reverse("chat:index")),
    }


def purge(*, older_than_days: int, now=None) -> int:
    """Delete conversations (and their messages) quiet for longer than ``older_than_days``."""
    cutoff = _now(now) - timedelta(days=older_than_days)
    _, deleted = Conversation.objects.filter(last_message_at__lt=cutoff).delete()
    return deleted.get(Conversation._meta.label, 0)


@transaction.atomic
def set_opening_hours(week: dict[int, tuple | None]) -> list[OpeningHours]:
    """Replace the weekly hours: weekday -> (opens, closes), or None for closed all day."""
    for weekday, times in week.items():
        if times:
            opens, closes = times
            OpeningHours.objects.update_or_create(
                weekday=weekday, defaults={"opens": opens, "closes": closes}
            )
        else:
            OpeningHours.objects.filter(weekday=weekday).delete()
    return list(OpeningHours.objects.all())
