"""Renewals: each due subscription becomes an order, charged to the saved card.

Safe on several servers at once. A run takes the subscription's row lock
(skipping rows another run holds), records the due date's ``Renewal`` (one
per subscription and date, a unique constraint) and writes the order; the
charge is made after that transaction commits, with an idempotency key per
order, so no lock waits on the provider and no retry charges twice. While a
run charges, the renewal is *being charged* and other runs leave it alone
for ``CHARGE_LEASE``; after that (a run that died) the charge is repeated
with the same key, which the provider answers with the same payment.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from shop.gateways import get_gateway
from shop.gateways.base import PROCESSING, Intent, PaymentFailed
from shop.order import status as order_status
from shop.payments import completion, intents, saved_cards
from shop.subscriptions import notices, ordering, schedule
from shop.subscriptions.models import Renewal, Subscription, SubscriptionEvent

logger = logging.getLogger(__name__)

Outcome = Renewal.Outcome
Status = Subscription.Status
NO_CARD = "there is no card on your subscription"


@dataclass
class Report:
    """Subscription ids by what happened to them in this run."""

    done: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add(self, what: str, subscription) -> None:
        self.done[what].append(subscription.pk)

    def count(self, what: str) -> int:
        return len(self.done.get(what, []))

    def summary(self) -> str:
        return ", ".join(f"{what}: {len(ids)}" for what, ids in sorted(self.done.items())) or "none"


def run(now=None, report: Report | None = None) -> Report:
    """Renew everything due at ``now``, then send the reminders."""
    now = now or timezone.now()
    report = report or Report()
    due = Subscription.objects.due(today=schedule.uk_today(now), now=now)
    for pk in due.order_by("next_date", "pk").values_list("pk", flat=True):
        try:
            renew(pk, now=now, report=report)
        except Exception:  # one broken subscription must not stop the others
            logger.exception("Subscription #%s: renewal failed", pk)
            report.done["error"].append(pk)
    send_reminders(now=now, report=report)
    return report


def _locked(pk: int) -> Subscription | None:
    return (
        Subscription.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("user", "product", "address", "card")
        .filter(pk=pk)
        .first()
    )


def _is_due(subscription, now) -> bool:
    if subscription.status == Status.ACTIVE:
        return subscription.next_date <= schedule.uk_today(now)
    failing = subscription.status == Status.FAILING and subscription.retry_at is not None
    return failing and subscription.retry_at <= now


def renew(pk: int, *, now, report: Report) -> None:
    with transaction.atomic():
        subscription = _locked(pk)
        if subscription is None or not _is_due(subscription, now):
            return  # another run holds it, or it was renewed meanwhile
        renewal, _ = Renewal.objects.get_or_create(
            subscription=subscription, due_date=subscription.next_date
        )
        order = renewal.order
        if order is not None and order.status not in (order_status.PENDING_PAYMENT,):
            if order.status != order_status.CANCELLED:  # paid meanwhile (webhook, stale job)
                _renewed(subscription, renewal, now=now)
                report.add("paid", subscription)
                return
            order = None  # an earlier attempt's order, cancelled: write a new one
        charging = renewal.outcome == Outcome.CHARGING and order is not None
        if charging and renewal.updated_at > now - schedule.CHARGE_LEASE:
            return  # another run is charging it right now
        if subscription.card is None:
            renewal.outcome = Outcome.FAILED
            renewal.save(update_fields=["outcome", "updated_at"])
            _failed(subscription, renewal, now=now, reason=NO_CARD, report=report)
            return
        if order is None:
            try:
                with transaction.atomic():
                    order = ordering.place(subscription, now=now)
            except ordering.CannotRenew as why:
                _skipped_out_of_stock(subscription, renewal, str(why), now=now)
                report.add("out of stock", subscription)
                return
        renewal.order, renewal.outcome = order, Outcome.CHARGING
        renewal.attempts += 1
        renewal.save()
        card = subscription.card
    try:
        intent = saved_cards.charge(order, card)
    except PaymentFailed as error:  # the provider is unreachable: the next run retries
        logger.error("Subscription #%s: charging order #%s failed: %s", pk, order.number, error)
        report.add("provider error", subscription)
        return
    settle(pk, renewal.pk, intent, now=now, report=report)


def settle(pk: int, renewal_pk: int, intent: Intent, *, now, report: Report, present=False):
    """Apply the charge's outcome to the order, the renewal and the subscription."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("user", "product", "card")
            .get(pk=pk)
        )
        renewal = Renewal.objects.select_related("order").get(pk=renewal_pk)
        order = renewal.order
        if intent.succeeded:
            completion.complete(order, intent)
            _renewed(subscription, renewal, now=now)
            report.add("paid", subscription)
        elif intent.status == PROCESSING:
            report.add("processing", subscription)  # the webhook or the next run finishes it
        else:
            completion.abandon(order, reason="Subscription renewal: payment not made.")
            needs_customer = intent.needs_customer
            renewal.outcome = Outcome.NEEDS_AUTHENTICATION if needs_customer else Outcome.FAILED
            renewal.save(update_fields=["outcome", "updated_at"])
            if present:
                return
            _failed(
                subscription,
                renewal,
                now=now,
                reason=intent.failure_message,
                report=report,
                needs_customer=needs_customer,
                amount=order.total_incl_tax,
            )


def _renewed(subscription, renewal, *, now) -> None:
    renewal.outcome = Outcome.PAID
    renewal.save(update_fields=["outcome", "updated_at"])
    subscription.status = Status.ACTIVE
    subscription.failed_attempts = 0
    subscription.first_failed_at = subscription.retry_at = None
    subscription.next_date = schedule.next_after(
        renewal.due_date, subscription.weeks, schedule.uk_today(now)
    )
    subscription.save()
    note = f"Order #{renewal.order.number}" if renewal.order else ""
    SubscriptionEvent.objects.create(subscription=subscription, action="renewed", note=note)


def _skipped_out_of_stock(subscription, renewal, why: str, *, now) -> None:
    renewal.outcome = Outcome.OUT_OF_STOCK
    renewal.save(update_fields=["outcome", "updated_at"])
    subscription.status = Status.ACTIVE
    subscription.failed_attempts = 0
    subscription.first_failed_at = subscription.retry_at = None
    subscription.next_date = schedule.next_after(
        renewal.due_date, subscription.weeks, schedule.uk_today(now)
    )
    subscription.save()
    SubscriptionEvent.objects.create(subscription=subscription, action="skipped", note=why)
    notices.send("out_of_stock", subscription, date=renewal.due_date)


def _failed(subscription, renewal, *, now, reason, report, needs_customer=False, amount=None):
    """A payment not made: retry later (the customer told how to fix it), or pause."""
    subscription.failed_attempts += 1
    subscription.first_failed_at = subscription.first_failed_at or now
    subscription.retry_at = schedule.retry_at(
        subscription.first_failed_at, subscription.failed_attempts
    )
    card_url = notices.absolute(reverse("subscriptions:card", args=[subscription.pk]))
    if subscription.retry_at is None:
        subscription.status = Status.PAUSED
        subscription.save()
        SubscriptionEvent.objects.create(
            subscription=subscription, action="paused", note=f"Payment failed: {reason}"
        )
        notices.send("paused", subscription, card_url=card_url)
        report.add("paused", subscription)
        return
    subscription.status = Status.FAILING
    subscription.save()
    SubscriptionEvent.objects.create(
        subscription=subscription, action="payment failed", note=reason or ""
    )
    context = {"date": renewal.due_date, "retry_at": subscription.retry_at, "card_url": card_url}
    if needs_customer:
        pay_url = notices.absolute(reverse("subscriptions:pay", args=[subscription.pk]))
        notices.send("authenticate", subscription, pay_url=pay_url, amount=amount, **context)
        report.add("needs authentication", subscription)
    else:
        notices.send("payment_failed", subscription, reason=reason, **context)
        report.add("failed", subscription)


# --- With the customer present (the link in the "confirm your payment" e-mail) ---


class NothingToPay(Exception):
    """No delivery of this subscription is waiting for the customer; says why."""


def pay_now(subscription, *, return_url: str, now=None) -> Intent:
    """Write the waiting delivery's order and charge the saved card with the customer
    present (the bank may show its page: ``Intent.next_action_url``)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("user", "product", "address", "card")
            .get(pk=subscription.pk)
        )
        if locked.status != Status.FAILING or locked.card is None:
            raise NothingToPay("This subscription has no payment waiting for you.")
        renewal = Renewal.objects.filter(subscription=locked, due_date=locked.next_date).first()
        if renewal is None or renewal.outcome not in (Outcome.FAILED, Outcome.NEEDS_AUTHENTICATION):
            raise NothingToPay("This subscription has no payment waiting for you.")
        try:
            with transaction.atomic():
                order = ordering.place(locked, now=now)
        except ordering.CannotRenew as why:
            raise NothingToPay(str(why)) from why
        renewal.order, renewal.outcome = order, Outcome.CHARGING
        renewal.attempts += 1
        renewal.save()
        card = locked.card
    intent = saved_cards.charge(order, card, return_url=return_url)
    if not intent.next_action_url:
        settle(locked.pk, renewal.pk, intent, now=now, report=Report(), present=True)
    return intent


def finish_payment(subscription, *, now=None) -> Intent | None:
    """Back from the bank's page: read the charge and apply it (None: nothing waiting)."""
    renewal = (
        Renewal.objects.filter(subscription=subscription, outcome=Outcome.CHARGING)
        .select_related("order")
        .order_by("-updated_at")
        .first()
    )
    if renewal is None or renewal.order is None:
        return None
    intent = get_gateway().retrieve(intents.reference_of(renewal.order))
    intents.check_matches(renewal.order, intent)
    now = now or timezone.now()
    settle(subscription.pk, renewal.pk, intent, now=now, report=Report(), present=True)
    return intent


# --- Reminders ---


def send_reminders(*, now, report: Report) -> None:
    """E-mail each active subscription a few days before it renews, once per date."""
    today = schedule.uk_today(now)
    upcoming = Subscription.objects.to_remind(today=today, days_before=schedule.REMIND_DAYS_BEFORE)
    for pk in upcoming.values_list("pk", flat=True):
        with transaction.atomic():
            subscription = _locked(pk)
            if subscription is None or subscription.reminded_for == subscription.next_date:
                continue
            if subscription.status != Status.ACTIVE:
                continue
            subscription.reminded_for = subscription.next_date
            subscription.save(update_fields=["reminded_for", "updated_at"])
            notices.reminder(subscription, ordering.preview(subscription))
            report.add("reminded", subscription)
