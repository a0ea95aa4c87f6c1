"""Signed links in e-mails: confirm a sign-up (7 days) and unsubscribe (for ever).

Each purpose has its own salt, so one kind of link can never be used as the
other. A confirmation link names the sign-up request it answers (so confirming
records the words that request showed); an unsubscribe link names the
subscriber and its e-mail address, so it cannot be turned against anyone else.
Signing is not encryption: the address is in a token only as a keyed hash, so
links (which end up in logs) never show it.
"""

from dataclasses import dataclass

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

CONFIRM_SALT = "shop.newsletter.confirm"
UNSUBSCRIBE_SALT = "shop.newsletter.unsubscribe"
CONFIRM_MAX_AGE_DAYS = 7


class BadToken(Exception):
    """Tampered with, malformed or (``expired``) too old; the message is safe to show."""

    def __init__(self, message: str, *, expired: bool = False):
        super().__init__(message)
        self.expired = expired


@dataclass(frozen=True)
class ConfirmLink:
    request_id: int
    email_tag: str

    def is_for(self, email: str) -> bool:
        return constant_time_compare(self.email_tag, email_tag(email))


@dataclass(frozen=True)
class UnsubscribeLink:
    subscriber_id: int
    email_tag: str

    def is_for(self, email: str) -> bool:
        return constant_time_compare(self.email_tag, email_tag(email))


def email_tag(email: str) -> str:
    """A short keyed hash of the address: binds a link to it without showing it."""
    return salted_hmac("shop.newsletter.email", email.strip().lower()).hexdigest()[:20]


TAMPERED = (
    "This link isn't valid: it may have been cut short or changed. Please use the "
    "whole link from the e-mail, or copy and paste it into your browser."
)
EXPIRED = (
    f"This link has expired: confirmation links work for {CONFIRM_MAX_AGE_DAYS} days. "
    "Please sign up again and we'll send you a new one."
)


def confirm_token(request_record) -> str:
    """The token of the link that confirms ``request_record`` (a "requested" record)."""
    data = {"r": request_record.pk, "e": email_tag(request_record.subscriber.email)}
    return signing.dumps(data, salt=CONFIRM_SALT)


def read_confirm(token: str) -> ConfirmLink:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE_DAYS * 86400)
        return ConfirmLink(request_id=int(data["r"]), email_tag=str(data["e"]))
    except signing.SignatureExpired:
        raise BadToken(EXPIRED, expired=True) from None
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadToken(TAMPERED) from None


def unsubscribe_token(subscriber) -> str:
    data = {"s": subscriber.pk, "e": email_tag(subscriber.email)}
    return signing.dumps(data, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token: str) -> UnsubscribeLink:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)  # no max_age: it never expires
        return UnsubscribeLink(subscriber_id=int(data["s"]), email_tag=str(data["e"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise BadToken(TAMPERED) from None
