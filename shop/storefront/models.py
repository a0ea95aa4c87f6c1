"""The promises in the header strip, as data staff can edit."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models

from shop.core import placeholders

# A path on this site: one leading slash. "//host" and "/\host" are read by browsers as
# another site's address, so they are refused, as are spaces and backslashes anywhere.
site_path = RegexValidator(
    r"^/(?![/\\])[^\s\\]*$",
    "Enter a path on this site that starts with a single /, such as /delivery/.",
)


class StorePromiseQuerySet(models.QuerySet):
    def shown(self) -> "StorePromiseQuerySet":
        return self.filter(is_active=True).order_by("position", "pk")


class StorePromise(models.Model):
    """One item of the strip at the top of every page ("Live Chat 8am - 8pm").

    ``kind`` says which rule a promise speaks for; its text may quote that
    rule's live values through placeholders, e.g. a delivery promise
    "FREE {method} Delivery on orders over {threshold}", so changing the rule
    in the dashboard changes the strip.
    """

    PLACEHOLDERS = {"delivery": {"method", "threshold"}, "chat": {"hours"}, "other": set()}

    class Kind(models.TextChoices):
        DELIVERY = "delivery", "Delivery"
        CHAT = "chat", "Live chat"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    text = models.CharField(
        max_length=80,
        help_text="A delivery promise may use {method} and {threshold}, filled in from the "
        "headline delivery method; a live-chat promise may use {hours}, the chat's opening hours.",
    )
    link = models.CharField(
        max_length=200,
        blank=True,
        validators=[site_path],
        help_text="A path on this site, e.g. /delivery/ (optional).",
    )
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField("Shown", default=True)

    objects = StorePromiseQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        placeholders.check(self.text, self.PLACEHOLDERS.get(self.kind, set()), "text")

    def render(self, values: dict[str, str]) -> str | None:
        """The text with its placeholders filled from ``values``; None if one is missing."""
        return placeholders.fill(self.text, values)
