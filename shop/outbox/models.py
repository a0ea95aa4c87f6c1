"""An e-mail waiting to be sent, saved in the same transaction as what it is about."""

from django.db import models
from django.utils import timezone


class OutboxEmailQuerySet(models.QuerySet):
    def due(self, now=None) -> "OutboxEmailQuerySet":
        """Pending messages whose next attempt time has come, oldest first."""
        now = now or timezone.now()
        return self.filter(status=OutboxEmail.Status.PENDING, next_attempt_at__lte=now).order_by(
            "next_attempt_at", "pk"
        )


class OutboxEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to send"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up"

    to = models.EmailField()
    from_email = models.CharField(max_length=254)
    subject = models.CharField(max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # Extra headers, e.g. List-Unsubscribe on marketing e-mail (shop.newsletter).
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboxEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "outbox e-mail"

    def __str__(self) -> str:
        return f"{self.subject} → {self.to} ({self.get_status_display()})"
