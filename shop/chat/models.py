"""Live chat's opening hours, per weekday, in UK time.

Bank holidays and staff closures are not repeated here: they come from the
business calendar (``shop.workdays``), entered once for delivery and chat.
A weekday without a row is closed.
"""

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
