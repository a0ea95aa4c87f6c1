"""The record of each privacy request handled: what was done, when and by whom, never
the person's e-mail in clear (a keyed hash recognises a repeat request)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac

DIGEST_SALT = "shop.privacy.email"


def email_digest(email: str) -> str:
    """The e-mail's keyed hash (HMAC-SHA256): equal for the same address whatever its
    case, useless to anyone without the key. The key is SHOP_PRIVACY_HASH_KEY if set
    (so rotating SECRET_KEY does not make earlier requests unrecognisable), else
    SECRET_KEY."""
    key = settings.SHOP_PRIVACY_HASH_KEY or None
    return salted_hmac(
        DIGEST_SALT, email.strip().lower(), secret=key, algorithm="sha256"
    ).hexdigest()


class PrivacyRequestQuerySet(models.QuerySet):
    def for_list(self) -> "PrivacyRequestQuerySet":
        return self.select_related("handled_by").order_by("-created_at", "-pk")

    def for_email(self, email: str) -> "PrivacyRequestQuerySet":
        return self.filter(email_digest=email_digest(email))


class PrivacyRequest(models.Model):
    class Kind(models.TextChoices):
        EXPORT = "export", "Export (copy of the data)"
        ERASURE = "erasure", "Erasure"

    class Subject(models.TextChoices):
        CUSTOMER = "customer", "Customer account"
        GUEST = "guest", "Guest (e-mail only)"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    subject = models.CharField(max_length=10, choices=Subject.choices)
    email_digest = models.CharField(max_length=64, db_index=True, editable=False)
    # None: the customer themselves, from their account.
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as written, so the log still names the staff member once their account is gone.
    handled_by_label = models.CharField(max_length=254, blank=True)
    note = models.TextField(blank=True, max_length=1000)
    counts = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PrivacyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        # A log: written by the services, never added, changed or deleted by hand.
        default_permissions = ("view",)
        permissions = [
            ("handle_privacy_request", "Can find, export and erase a person's data"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def by_staff(self) -> bool:
        return bool(self.handled_by_label)

    @property
    def person_reference(self) -> str:
        """A short form of the hash, enough for staff to spot the same person twice."""
        return self.email_digest[:10]

    @property
    def total(self) -> int:
        return sum(v for v in self.counts.values() if isinstance(v, int))
