"""Live chat: opening hours, conversations, their messages and canned replies.

Opening hours are per weekday, in UK time. Bank holidays and staff closures
are not repeated here: they come from the business calendar
(``shop.workdays``), entered once for delivery and chat. A weekday without a
row is closed.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]


class OpeningHours(models.Model):
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS, unique=True)
    opens = models.TimeField(help_text="UK time, e.g. 08:00.")
    closes = models.TimeField(help_text="UK time, e.g. 20:00. Chat closes at this minute.")

    class Meta:
        ordering = ["weekday"]
        verbose_name = "chat opening hours"
        verbose_name_plural = "chat opening hours"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")),
                name="chat_hours_close_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "Chat must close after it opens."})


class ConversationQuerySet(models.QuerySet):
    def open(self) -> "ConversationQuerySet":
        return self.filter(status=Conversation.Status.OPEN)

    def waiting(self) -> "ConversationQuerySet":
        """Open conversations whose last word is the visitor's: someone should answer."""
        return self.open().filter(awaiting_reply_since__isnull=False)

    def assigned_to(self, user) -> "ConversationQuerySet":
        return self.open().filter(assigned_to=user)

    def resolved(self) -> "ConversationQuerySet":
        return self.filter(status=Conversation.Status.RESOLVED)

    def tab_counts(self, user) -> dict[str, int]:
        """Conversations in each inbox tab, and visitor messages no one has read in open ones."""
        open_ = models.Q(status=Conversation.Status.OPEN)
        counts = self.aggregate(
            waiting=models.Count("pk", filter=open_ & models.Q(awaiting_reply_since__isnull=False)),
            mine=models.Count("pk", filter=open_ & models.Q(assigned_to=user)),
            open=models.Count("pk", filter=open_),
            resolved=models.Count("pk", filter=models.Q(status=Conversation.Status.RESOLVED)),
        )
        counts["unread"] = Message.objects.filter(
            conversation__in=self,
            conversation__status=Conversation.Status.OPEN,
            sender=Message.Sender.VISITOR,
            pk__gt=models.F("conversation__staff_read_up_to"),
        ).count()
        return counts

    def with_unread(self) -> "ConversationQuerySet":
        """Annotate ``unread``: visitor messages staff have not opened yet."""
        return self.annotate(
            unread=models.Count(
                "messages",
                filter=models.Q(
                    messages__sender=Message.Sender.VISITOR,
                    messages__pk__gt=models.F("staff_read_up_to"),
                ),
            )
        )


class Conversation(models.Model):
    """One visitor's chat with the store, from the widget or the offline form.

    Visitors reach it through its ``public_id`` (a random UUID), and only from
    the session that started it or the customer account it belongs to.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        RESOLVED = "resolved", "Resolved"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(max_length=80)
    email = models.EmailField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chat_conversations",
    )
    consented_at = models.DateTimeField(help_text="When the visitor accepted the privacy notice.")
    started_offline = models.BooleanField(
        default=False, help_text="Left as a message outside opening hours: answered by e-mail."
    )
    started_on = models.CharField(max_length=300, blank=True, help_text="The page it began on.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_chats",
        limit_choices_to={"is_staff": True},
    )
    awaiting_reply_since = models.DateTimeField(
        null=True, blank=True, help_text="Set by a visitor message, cleared by a staff reply."
    )
    staff_read_up_to = models.BigIntegerField(default=0, help_text="Last message id staff read.")
    visitor_seen_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        indexes = [models.Index(fields=["status", "last_message_at"])]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>, {self.created_at:%d %b %Y %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Message(models.Model):
    class Sender(models.TextChoices):
        VISITOR = "visitor", "Visitor"
        STAFF = "staff", "Staff"

    MAX_LENGTH = 2000

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField(max_length=MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self) -> str:
        return f"{self.get_sender_display()}: {self.body[:40]}"

    @property
    def from_visitor(self) -> bool:
        return self.sender == self.Sender.VISITOR


class CannedReply(models.Model):
    """A ready answer staff can drop into a reply and edit before sending."""

    title = models.CharField(max_length=80, unique=True)
    body = models.TextField(max_length=Message.MAX_LENGTH)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "title"]
        verbose_name_plural = "canned replies"

    def __str__(self) -> str:
        return self.title
