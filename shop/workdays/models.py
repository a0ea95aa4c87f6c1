"""Days the business is closed beyond weekends and bank holidays, entered once by staff."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models


class ClosureQuerySet(models.QuerySet):
    def overlapping(self, start: date, end: date) -> "ClosureQuerySet":
        """Closures with at least one day between ``start`` and ``end`` inclusive."""
        return self.filter(first_day__lte=end, last_day__gte=start)


class Closure(models.Model):
    """A run of days with no dispatch and no live chat, e.g. Christmas week."""

    first_day = models.DateField()
    last_day = models.DateField(help_text="The same as the first day for a single day.")
    reason = models.CharField(
        max_length=120, help_text="Shown to shoppers, e.g. “Christmas break”."
    )

    objects = ClosureQuerySet.as_manager()

    class Meta:
        ordering = ["first_day"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_day__gte=models.F("first_day")),
                name="closure_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        first, last = self.first_day, self.last_day
        if first == last:
            return f"{self.reason}: {first.day} {first:%B %Y}"
        return f"{self.reason}: {first.day} {first:%B} to {last.day} {last:%B %Y}"

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError({"last_day": "The last day cannot be before the first day."})
        if self.first_day and self.last_day and (self.last_day - self.first_day).days > 62:
            raise ValidationError({"last_day": "A closure can last at most 63 days."})
