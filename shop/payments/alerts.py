"""E-mails to the Managers about money that needs a person (disputes, refunds made
outside the store, payments for cancelled orders), through the outbox."""

from django.contrib.auth import get_user_model

from shop.outbox.services import queue_email
from shop.roles import MANAGERS


def manager_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=MANAGERS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def alert_managers(subject: str, body: str) -> int:
    """Queue ``subject``/``body`` to every active Manager; returns how many."""
    recipients = manager_emails()
    for address in recipients:
        queue_email(to=address, subject=f"[kēpos payments] {subject}", body_text=body)
    return len(recipients)
