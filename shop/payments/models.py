"""Provider events already handled, so a replayed or duplicated webhook does nothing."""

from django.db import models


class ProcessedEvent(models.Model):
    """One webhook event (by the provider's id) that has been acted on."""

    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=100)
    outcome = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"
