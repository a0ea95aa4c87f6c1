"""Retention: personal data we no longer need is deleted on a schedule (UK GDPR's
storage limitation). Expired sessions, baskets nobody touched for
SHOP_BASKET_RETENTION_DAYS (never one an order came from), outbox e-mails sent more
than SHOP_OUTBOX_RETENTION_DAYS ago or given up on more than
SHOP_OUTBOX_FAILED_RETENTION_DAYS ago, quiet chats (the chat app's own purge), and
what other apps register (registry.register_purge: unconfirmed newsletter sign-ups).
Idempotent; deletes in small batches, each its own transaction, so a large backlog
never holds the database's write lock for long."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from oscar.core.loading import get_model

from shop.chat import services as chat_services
from shop.outbox.models import OutboxEmail
from shop.privacy import registry

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")
Order = get_model("order", "Order")

BATCH = 500


def delete_in_batches(queryset: QuerySet, batch_size: int = BATCH) -> int:
    """Delete what ``queryset`` selects, ``batch_size`` rows per transaction."""
    model = queryset.model
    removed = 0
    while True:
        batch = list(queryset.order_by("pk").values_list("pk", flat=True)[:batch_size])
        if not batch:
            return removed
        with transaction.atomic():
            _, deleted = model.objects.filter(pk__in=batch).delete()
        removed += deleted.get(model._meta.label, 0)


def expired_sessions(now: datetime) -> QuerySet:
    return Session.objects.filter(expire_date__lt=now)


def old_baskets(now: datetime) -> QuerySet:
    """Baskets (a guest's, or a customer's open, saved or merged one) with no line
    added or changed since the cutoff, which no order came from."""
    cutoff = now - timedelta(days=settings.SHOP_BASKET_RETENTION_DAYS)
    recent_line = BasketLine.objects.filter(basket=OuterRef("pk"), date_updated__gte=cutoff)
    ordered = Order.objects.filter(basket=OuterRef("pk"))
    return (
        Basket.objects.filter(date_created__lt=cutoff)
        .exclude(status=Basket.SUBMITTED)
        .exclude(Exists(recent_line))
        .exclude(Exists(ordered))
    )


def old_outbox(now: datetime) -> tuple[QuerySet, QuerySet]:
    sent_cutoff = now - timedelta(days=settings.SHOP_OUTBOX_RETENTION_DAYS)
    failed_cutoff = now - timedelta(days=settings.SHOP_OUTBOX_FAILED_RETENTION_DAYS)
    Status = OutboxEmail.Status
    sent = OutboxEmail.objects.filter(status=Status.SENT).filter(
        Q(sent_at__lt=sent_cutoff) | Q(sent_at__isnull=True, created_at__lt=sent_cutoff)
    )
    failed = OutboxEmail.objects.filter(status=Status.FAILED, created_at__lt=failed_cutoff)
    return sent, failed


def run(now: datetime | None = None) -> dict[str, int]:
    """Delete what has passed its retention period; returns how many of each went."""
    now = now or timezone.now()
    sent, failed = old_outbox(now)
    return {
        "sessions": delete_in_batches(expired_sessions(now)),
        "baskets": delete_in_batches(old_baskets(now)),
        "sent e-mails": delete_in_batches(sent),
        "given-up e-mails": delete_in_batches(failed),
        "chats": chat_services.purge(older_than_days=settings.SHOP_CHAT_RETENTION_DAYS, now=now),
        **{name: purge(now) for name, purge in registry.purges()},
    }
