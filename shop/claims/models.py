"""The claims lists (data Managers edit in the admin) and the sign-offs given to publish
text with flags left.

UK law (retained Regulation 1924/2006 and the Food Information Regulations 2014)
allows only health claims on the GB nutrition and health claims register, under
their conditions of use, and no claim that a food prevents, treats or cures a
disease; a reference to a general benefit ("supports gut health") must come with
an authorised claim.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class ClaimRule(models.Model):
    """A word or phrase the checker flags, and why."""

    class Kind(models.TextChoices):
        FORBIDDEN = "forbidden", "Disease or forbidden claim: never allowed"
        NEEDS_REFERENCE = "reference", "Needs a reference [n] in the same sentence"
        GENERAL_BENEFIT = "general", "General benefit: needs an authorised claim with it"

    phrase = models.CharField(
        max_length=120,
        help_text="Matched as whole words, any case. End a word with * for any ending "
        "(cure* matches cures, cured); a lone * stands for any one word "
        '("boost* * immun*" matches "boosts your immunity").',
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    explanation = models.CharField(
        max_length=300, help_text="Shown to the writer beside the flag: why, and what to do."
    )
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "phrase"]
        verbose_name = "claims rule"
        constraints = [models.UniqueConstraint(fields=["phrase"], name="claims_rule_phrase")]

    def __str__(self) -> str:
        return self.phrase


class AuthorisedClaim(models.Model):
    """A health claim on the GB register that the store may use, with its conditions."""

    wording = models.CharField(
        max_length=300, help_text="The authorised wording, as registered (or a close form)."
    )
    nutrient = models.CharField(max_length=120, help_text="e.g. Calcium.")
    conditions_of_use = models.TextField(
        help_text="When the claim may be made, e.g. only on a food that is at least a "
        "source of calcium."
    )
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["nutrient", "wording"]
        verbose_name = "authorised health claim"

    def __str__(self) -> str:
        return self.wording


class ClaimSignOff(models.Model):
    """A Manager's decision to publish text with the listed flags left, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(max_length=255, help_text="What was signed off, as it was named.")
    flags = models.JSONField(help_text="The flags signed off (their fingerprints).")
    note = models.TextField()
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_by_name = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        permissions = [("sign_off_claims", "Can sign off claims flags to publish")]

    def __str__(self) -> str:
        return f"{self.title}: signed off by {self.signed_by_name}"
