"""The newsletter's section of a person's data (shop.privacy.registry): their
subscription, every consent record with its wording, and the baskets we reminded
them about. Erasure deletes all of it."""

from datetime import timedelta

from django.db.models import Q

from shop.newsletter.models import BasketReminder, Subscriber
from shop.privacy.sections.common import of_person, when


def _subscribers(user, email: str):
    return Subscriber.objects.filter(of_person(user, email)).order_by("pk")


def export(user, email: str) -> list[dict]:
    subscribers = _subscribers(user, email).prefetch_related("consent_records", "basket_reminders")
    return [
        {
            "email": subscriber.email,
            "status": subscriber.get_status_display(),
            "signed_up": when(subscriber.created_at),
            "confirmed": when(subscriber.confirmed_at),
            "unsubscribed": when(subscriber.unsubscribed_at),
            "consent_records": [
                {
                    "at": when(record.at),
                    "what": record.get_action_display(),
                    "where": record.get_source_display(),
                    "wording_shown": record.wording,
                }
                for record in subscriber.consent_records.all()
            ],
            "basket_reminders_sent": [
                when(reminder.sent_at) for reminder in subscriber.basket_reminders.all()
            ],
        }
        for subscriber in subscribers
    ]


def erase(user, email: str) -> int:
    """Their subscriber rows, consent records and basket-reminder rows; the count of all."""
    reminders = Q(subscriber__in=_subscribers(user, email))
    if user is not None:
        reminders |= Q(basket__owner=user)
    _, removed = BasketReminder.objects.filter(reminders).delete()
    _, more = _subscribers(user, email).delete()  # consent records go with them
    return sum(removed.values()) + sum(more.values())


UNCONFIRMED_DAYS = 30


def purge_unconfirmed(now) -> int:
    """Sign-ups never confirmed within UNCONFIRMED_DAYS: we have no consent, so we keep
    no address (their consent records go with them)."""
    stale = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING,
        confirmed_at__isnull=True,
        requested_at__lt=now - timedelta(days=UNCONFIRMED_DAYS),
    )
    removed = stale.count()
    stale.delete()
    return removed
