"""Records kept about a person for security: sign-in attempts (django-axes) and the
staff audit trail, whose entries about the person's account, orders and addresses
keep who changed what and when, but lose the values."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from shop.audit.models import AuditEntry
from shop.privacy.sections.common import ERASED, when

# model label -> fields of its audit entries that hold the person's data
PERSONAL_FIELDS = {
    "auth.user": {"email", "first_name", "last_name"},
    "order.order": {"guest_email"},
    "order.shippingaddress": None,  # every field, and the entry's label (the address)
}
LABELLED_BY_PERSON = {"auth.user", "order.shippingaddress"}


def redact_audit(model: str, ids) -> int:
    """Blank the person's values in the audit entries about these rows."""
    fields = PERSONAL_FIELDS[model]
    entries = AuditEntry.objects.filter(model=model, object_id__in=[str(pk) for pk in ids])
    changed = 0
    for entry in entries.only("pk", "changes", "object_repr"):
        changes = {
            name: [None if value is None else ERASED for value in values]
            if fields is None or name in fields
            else values
            for name, values in entry.changes.items()
        }
        label = ERASED if model in LABELLED_BY_PERSON else entry.object_repr
        if changes != entry.changes or label != entry.object_repr:
            AuditEntry.objects.filter(pk=entry.pk).update(changes=changes, object_repr=label)
            changed += 1
    return changed


SIGN_IN_MODELS = [
    (AccessLog, "signed in"),
    (AccessFailureLog, "failed sign-in"),
    (AccessAttempt, "failed sign-ins (current lock count)"),
]


def export_sign_ins(user, email: str) -> list[dict]:
    rows = []
    for model, kind in SIGN_IN_MODELS:
        for entry in model.objects.filter(username__iexact=email).order_by("-attempt_time")[:200]:
            rows.append(
                {
                    "what": kind,
                    "at": when(entry.attempt_time),
                    "ip_address": entry.ip_address,
                    "browser": entry.user_agent,
                }
            )
    return rows


def erase_sign_ins(user, email: str) -> int:
    removed = 0
    for model, _ in SIGN_IN_MODELS:
        removed += (
            model.objects.filter(username__iexact=email).delete()[1].get(model._meta.label, 0)
        )
    if user is not None:
        removed += redact_audit("auth.user", [user.pk])
    return removed
