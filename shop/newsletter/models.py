"""Who agreed to marketing e-mail, and the evidence: one consent record per event.

A subscriber's status says what may be sent now; the consent records say when,
where and with which words consent was asked for, confirmed or withdrawn (UK
GDPR art. 7(1): the shop must be able to show it). No IP address is kept.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone


class Source(models.TextChoices):
    """Where an event happened."""

    FOOTER = "footer", "Footer sign-up form"
    CHECKOUT = "checkout", "Checkout tick box"
    ACCOUNT = "account", "Account preferences"
    EMAIL = "email", "Link in an e-mail"
    STAFF = "staff", "kēpos staff"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self) -> "SubscriberQuerySet":
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def with_email(self, email: str) -> "SubscriberQuerySet":
        return self.filter(email__iexact=email.strip())

    def of_user(self, user) -> "SubscriberQuerySet":
        """The user's rows: linked to the account, or carrying its e-mail address."""
        match = Q(user=user)
        if user.email:
            match |= Q(email__iexact=user.email)
        return self.filter(match)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    email = models.EmailField("e-mail address")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriptions",
    )
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    source = models.CharField(
        max_length=10, choices=Source.choices, help_text="Where they last asked to subscribe."
    )
    created_at = models.DateTimeField(default=timezone.now)
    requested_at = models.DateTimeField("asked to subscribe", default=timezone.now)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique")
        ]
        permissions = [("export_subscribers", "Can export subscribers as CSV")]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_status_display()})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class ConsentRecord(models.Model):
    """One event, kept as it happened: never edited, deleted only with the person."""

    class Action(models.TextChoices):
        REQUESTED = "requested", "Asked to subscribe"
        CONFIRMED = "confirmed", "Confirmed (double opt-in)"
        WITHDRAWN = "withdrawn", "Withdrew consent"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_records"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=10, choices=Source.choices)
    wording = models.TextField(help_text="The words shown to the person, verbatim.")
    confirms = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="For a confirmation: the request whose link was used.",
    )

    class Meta:
        ordering = ["at", "pk"]
        indexes = [
            models.Index(fields=["subscriber", "action", "at"], name="newsletter_consent_event_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} at {self.at:%Y-%m-%d %H:%M}"


class BasketReminder(models.Model):
    """A basket we sent a reminder about: one row per basket, so never a second."""

    basket = models.OneToOneField(
        "basket.Basket", on_delete=models.CASCADE, related_name="newsletter_reminder"
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="basket_reminders"
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"Reminder for basket {self.basket_id} at {self.sent_at:%Y-%m-%d %H:%M}"
