"""Publishing with flags left: a Manager signs off with a note, kept with the content.

A sign-off covers the flags it listed (by fingerprint); text edited afterwards
that raises a new flag needs a new sign-off before it is published again.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from shop.claims.checker import Flag, to_sign_off
from shop.claims.models import ClaimSignOff

SIGN_OFF_PERMISSION = "claims.sign_off_claims"


def can_sign_off(user) -> bool:
    return user is not None and user.has_perm(SIGN_OFF_PERMISSION)


def signed_off_fingerprints(obj) -> set[str]:
    if obj is None or obj.pk is None:
        return set()
    content_type = ContentType.objects.get_for_model(obj)
    signed = set()
    for flags in ClaimSignOff.objects.filter(
        content_type=content_type, object_id=obj.pk
    ).values_list("flags", flat=True):
        signed.update(flags)
    return signed


def unresolved(flags: list[Flag], obj) -> list[Flag]:
    """The flags that need a sign-off and have none yet."""
    signed = signed_off_fingerprints(obj)
    return [flag for flag in to_sign_off(flags) if flag.fingerprint not in signed]


@dataclass
class Gate:
    """The decision for one save: may it publish, and is a sign-off being given?"""

    flags: list[Flag]
    open_flags: list[Flag]
    note: str = ""

    @property
    def signs_off(self) -> bool:
        return bool(self.open_flags and self.note)


def gate(flags: list[Flag], obj, *, publishing: bool, user, note: str) -> Gate:
    """Raise a ValidationError (for the form) when text with unresolved flags would be
    published without a Manager's sign-off note."""
    open_flags = unresolved(flags, obj)
    note = (note or "").strip()
    if note and not can_sign_off(user):
        raise ValidationError({"claims_sign_off_note": "Only a Manager can sign off claims flags."})
    if publishing and open_flags and not note:
        listed = "; ".join(f"“{flag.found}” ({flag.where})" for flag in open_flags[:5])
        more = f" and {len(open_flags) - 5} more" if len(open_flags) > 5 else ""
        who = (
            "Change the wording, or sign off with a note saying why it may stay."
            if can_sign_off(user)
            else "Change the wording, or ask a Manager to sign off."
        )
        raise ValidationError(
            {
                "claims_sign_off_note": (
                    f"The claims check flags {len(open_flags)} thing"
                    f"{'s' if len(open_flags) != 1 else ''} to publish: {listed}{more}. {who}"
                )
            }
        )
    return Gate(flags=flags, open_flags=open_flags, note=note)


def record(decision: Gate, obj, user) -> ClaimSignOff | None:
    """Keep the sign-off with the content (after it is saved)."""
    if not decision.signs_off:
        return None
    return ClaimSignOff.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        title=str(obj)[:255],
        flags=[flag.fingerprint for flag in decision.open_flags],
        note=decision.note,
        signed_by=user,
        signed_by_name=user.get_full_name() or user.email or user.get_username(),
    )


def history_note(decision: Gate, user) -> str:
    """The words the content's revision history keeps about a sign-off."""
    found = ", ".join(f"“{flag.found}”" for flag in decision.open_flags)
    name = user.get_full_name() or user.email
    return f"Claims flags signed off by {name} ({found}): {decision.note}"
