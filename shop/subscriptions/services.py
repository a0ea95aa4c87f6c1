"""What customers (and Customer service on their behalf) do to a subscription:
skip, pause, resume, change, cancel. Each is one transaction with the row lock,
recorded as an event naming who did it (and staff's note)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from shop.subscriptions import notices, schedule
from shop.subscriptions.models import Renewal, Subscription, SubscriptionEvent

Status = Subscription.Status


class NotAllowed(Exception):
    """The change cannot be made now; the message says why, for the customer."""


def _lock(subscription) -> Subscription:
    """The subscription's row, locked for this transaction and read afresh."""
    return Subscription.objects.select_for_update().get(pk=subscription.pk)


def _record(subscription, action: str, *, actor=None, note: str = "", by_staff=False) -> None:
    SubscriptionEvent.objects.create(
        subscription=subscription, action=action, actor=actor, note=note, by_staff=by_staff
    )


def _in_flight(subscription) -> bool:
    """The due delivery is being charged right now."""
    return Renewal.objects.filter(
        subscription=subscription,
        due_date=subscription.next_date,
        outcome=Renewal.Outcome.CHARGING,
        order__isnull=False,
    ).exists()


@transaction.atomic
def skip_next(subscription, *, actor=None, note="", by_staff=False, due_date=None, now=None):
    """Skip the next delivery (only ``due_date``'s, when given: a reminder's link)."""
    locked = _lock(subscription)
    if locked.status not in (Status.ACTIVE, Status.FAILING):
        raise NotAllowed("Only an active subscription has a next delivery to skip.")
    if due_date is not None and locked.next_date != due_date:
        raise NotAllowed("That delivery has already been skipped or sent.")
    if _in_flight(locked):
        raise NotAllowed("Your next delivery is being prepared already; skip the one after it.")
    skipped = locked.next_date
    Renewal.objects.update_or_create(
        subscription=locked, due_date=skipped, defaults={"outcome": Renewal.Outcome.SKIPPED}
    )
    today = schedule.uk_today(now)
    locked.next_date = schedule.next_after(skipped, locked.weeks, today)
    locked.status = Status.ACTIVE
    locked.failed_attempts, locked.first_failed_at, locked.retry_at = 0, None, None
    locked.save()
    _record(locked, "skipped", actor=actor, note=note or f"Delivery of {skipped} skipped.",
            by_staff=by_staff)  # fmt: skip
    return locked


@transaction.atomic
def pause(subscription, *, actor=None, note="", by_staff=False):
    locked = _lock(subscription)
    if locked.status not in (Status.ACTIVE, Status.FAILING):
        raise NotAllowed("Only an active subscription can be paused.")
    locked.status = Status.PAUSED
    locked.retry_at = None
    locked.save()
    _record(locked, "paused", actor=actor, note=note, by_staff=by_staff)
    return locked


@transaction.atomic
def resume(subscription, *, actor=None, note="", by_staff=False, now=None):
    """Active again; the next delivery is the one due, but never before tomorrow."""
    locked = _lock(subscription)
    if locked.status != Status.PAUSED:
        raise NotAllowed("Only a paused subscription can be resumed.")
    if locked.card_id is None:
        raise NotAllowed("Please add a card first: the next delivery is charged to it.")
    tomorrow = schedule.uk_today(now) + timedelta(days=1)
    locked.next_date = max(locked.next_date, tomorrow)
    locked.status = Status.ACTIVE
    locked.failed_attempts, locked.first_failed_at, locked.retry_at = 0, None, None
    locked.save()
    _record(locked, "resumed", actor=actor, note=note, by_staff=by_staff)
    return locked


@transaction.atomic
def cancel(subscription, *, actor=None, note="", by_staff=False, now=None):
    """No more deliveries or charges; orders already paid still go out."""
    locked = _lock(subscription)
    if locked.status == Status.CANCELLED:
        raise NotAllowed("This subscription is already cancelled.")
    locked.status = Status.CANCELLED
    locked.retry_at = None
    locked.cancelled_at = timezone.now()
    locked.save()
    _record(locked, "cancelled", actor=actor, note=note, by_staff=by_staff)
    notices.send("cancelled", locked)
    return locked


@transaction.atomic
def change(subscription, *, actor=None, **changes):
    """Change what is delivered, how often or where: ``product``, ``weeks``,
    ``quantity``, ``saving_percent``, ``address``, ``card`` (checked by the forms)."""
    locked = _lock(subscription)
    if locked.status == Status.CANCELLED:
        raise NotAllowed("This subscription is cancelled.")
    described = []
    for name, value in changes.items():
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            described.append(name.replace("_", " "))
    if not described:
        return locked
    if "card" in changes and locked.status == Status.FAILING:
        locked.retry_at = timezone.now()  # try the new card on the next run
    locked.reminded_for = None  # the next reminder shows the new amount
    locked.save()
    _record(locked, "changed", actor=actor, note=", ".join(described))
    return locked
