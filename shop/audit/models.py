from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """One staff change, written in the same transaction as the change itself.

    ``changes`` maps each field to ``[before, after]`` (as text; passwords only as
    "changed"). Entries are never edited or deleted through the site.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as written, so the trail still names someone whose account is gone.
    actor_email = models.CharField(max_length=254)
    action = models.CharField(max_length=10, choices=Action.choices)
    model = models.CharField(max_length=100, db_index=True)  # e.g. "order.order"
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(max_length=200)
    changes = models.JSONField(default=dict)
    path = models.CharField(max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "audit entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_email} {self.action} {self.object_repr}"
