"""Core tables. (The module also makes Django send this app post_migrate, which
creates the database cache's table after each migrate.)"""

from django.db import models


class RateLimitCounter(models.Model):
    """Attempts in one fixed window, counted here only while the shared cache is down
    (shop.core.ratelimit): limits must not vanish with Redis."""

    key = models.CharField(max_length=200)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="one_counter_per_window")
        ]
        indexes = [models.Index(fields=["window_start"])]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window_start:%Y-%m-%d %H:%M}: {self.count}"
