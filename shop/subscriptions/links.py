"""Signed links in the reminder e-mail: skip or cancel without signing in.

A link names one subscription, one action and the delivery date it was sent
for, and expires after that date. Once that delivery is skipped (or the
subscription cancelled) the same link does nothing more: it no longer
matches the subscription's next date. The page it opens asks for one
confirming click (a POST), so a mail scanner following links changes nothing.
"""

from dataclasses import dataclass
from datetime import date

from django.core import signing

SALT = "shop.subscriptions.reminder-link"
MAX_AGE_DAYS = 14
ACTIONS = ("skip", "cancel")


@dataclass(frozen=True)
class Link:
    subscription_id: int
    action: str
    due_date: date


class BadLink(Exception):
    """Expired, tampered with or malformed; the message is safe to show."""


def token_for(subscription, action: str) -> str:
    if action not in ACTIONS:
        raise ValueError(action)
    data = {"s": subscription.pk, "a": action, "d": subscription.next_date.isoformat()}
    return signing.dumps(data, salt=SALT, compress=True)


def read(token: str, action: str) -> Link:
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE_DAYS * 86400)
        link = Link(int(data["s"]), str(data["a"]), date.fromisoformat(data["d"]))
    except signing.SignatureExpired:
        raise BadLink(
            "This link has expired. Please sign in to manage your subscription."
        ) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadLink(
            "This link isn't valid. Please sign in to manage your subscription."
        ) from None
    if link.action != action:
        raise BadLink("This link isn't valid. Please sign in to manage your subscription.")
    return link
