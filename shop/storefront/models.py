"""The promises in the header strip, as data staff can edit."""

from django.core.validators import RegexValidator
from django.db import models

site_path = RegexValidator(r"^/[^\s]*$", "Enter a path on this site that starts with /.")


class StorePromiseQuerySet(models.QuerySet):
    def shown(self) -> "StorePromiseQuerySet":
        return self.filter(is_active=True).order_by("position", "pk")


class StorePromise(models.Model):
    """One item of the strip at the top of every page ("Live Chat 8am - 8pm").

    ``kind`` says which rule a promise speaks for, so the delivery and chat
    rules can supply their own wording from their data; ``text`` is what is
    shown until (or unless) they do.
    """

    class Kind(models.TextChoices):
        DELIVERY = "delivery", "Delivery"
        CHAT = "chat", "Live chat"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)
    text = models.CharField(max_length=80)
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
