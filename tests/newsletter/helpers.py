"""Sign-ups as a shopper makes them, and the links their e-mails carry."""

import re
import time
from urllib.parse import urlparse

from django.core import signing

from shop.newsletter import services, tokens, wording
from shop.newsletter.models import ConsentRecord, Source, Subscriber
from shop.outbox.models import OutboxEmail

LINK = re.compile(r"https?://\S+")


def links_in(email: OutboxEmail) -> list[str]:
    return LINK.findall(email.body_text)


def path_of(url: str) -> str:
    return urlparse(url).path


def confirm_path(address: str) -> str:
    """The path of the confirmation link in the latest e-mail to ``address``."""
    email = OutboxEmail.objects.filter(to__iexact=address).order_by("-pk").first()
    return next(path_of(u) for u in links_in(email) if "/newsletter/confirm/" in u)


def signed_up(address: str, *, source=Source.FOOTER, text=wording.FOOTER_SIGNUP, user=None):
    return services.request_signup(email=address, source=source, wording=text, user=user)


def subscribed(address: str, *, user=None) -> Subscriber:
    """A confirmed subscriber, through the double opt-in as a shopper goes through it."""
    subscriber = signed_up(address, user=user)
    request = subscriber.consent_records.filter(action=ConsentRecord.Action.REQUESTED).last()
    services.confirm(request=request, wording=wording.CONFIRM_PAGE)
    subscriber.refresh_from_db()
    return subscriber


class EightDaysAgo(signing.TimestampSigner):
    """Signs as the clock read eight days ago: a link past its seven days."""

    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 8 * 86400)


def expired_confirm_token(subscriber: Subscriber) -> str:
    request = subscriber.consent_records.filter(action=ConsentRecord.Action.REQUESTED).last()
    data = {"r": request.pk, "e": tokens.email_tag(subscriber.email)}
    return EightDaysAgo(salt=tokens.CONFIRM_SALT).sign_object(data)
