"""Abandoned-basket reminders: one e-mail per basket, only to customers who consented.

A signed-in customer's open basket whose lines last changed between
``SHOP_BASKET_REMINDER_HOURS`` (default 3) and two days ago gets one reminder, if
they are a confirmed subscriber (by account or e-mail address) and have not ordered
since. Baskets older than two days are left alone, so the first run after a
deploy does not write to everyone who ever left a basket. Guests' baskets never
qualify: there is no one to write to.

Idempotent and safe on several servers at once: the BasketReminder row (unique
per basket) is written with the e-mail, in small committed batches.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from shop.core.site import site_url
from shop.legal.trader import current_trader
from shop.newsletter.models import BasketReminder, Subscriber
from shop.newsletter.services import queue_marketing_email

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Line = get_model("basket", "Line")
Order = get_model("order", "Order")
Selector = get_class("partner.strategy", "Selector")

MAX_AGE = timedelta(days=2)
BATCH_SIZE = 50
SUBJECT = "You left something in your kēpos basket"


def reminder_delay() -> timedelta:
    return timedelta(hours=settings.SHOP_BASKET_REMINDER_HOURS)


def due_baskets(now: datetime):
    """Open, signed-in, consented, not ordered since, never reminded, quiet long enough."""
    last_change = (
        Line.objects.filter(basket=OuterRef("pk"))
        .order_by("-date_updated")
        .values("date_updated")[:1]
    )
    consented = (
        Subscriber.objects.confirmed()
        .annotate(email_lower=Lower("email"))
        .filter(Q(user=OuterRef("owner")) | Q(email_lower=Lower(OuterRef("owner__email"))))
    )
    ordered_since = Order.objects.filter(
        user=OuterRef("owner"), date_placed__gte=OuterRef("last_change")
    )
    # Only baskets with a line changed in the window (the index on date_updated):
    # a signed-in customer's basket stays open for ever.
    recent = Line.objects.filter(date_updated__gt=now - MAX_AGE).values("basket_id")
    return (
        Basket.objects.filter(status=Basket.OPEN, owner__isnull=False, owner__is_active=True)
        .filter(pk__in=recent)
        .annotate(last_change=Subquery(last_change))
        .filter(last_change__lte=now - reminder_delay(), last_change__gt=now - MAX_AGE)
        .filter(newsletter_reminder__isnull=True)
        .filter(Exists(consented))
        .exclude(Exists(ordered_since))
        .order_by("pk")
    )


def run(now: datetime | None = None, *, batch_size: int = BATCH_SIZE) -> int:
    """Send the due reminders; returns how many were queued."""
    now = now or timezone.now()
    ids = list(due_baskets(now).values_list("pk", flat=True))
    sent = 0
    for start in range(0, len(ids), batch_size):
        with transaction.atomic():
            # Asked again inside the batch: a basket ordered meanwhile drops out.
            batch = due_baskets(now).filter(pk__in=ids[start : start + batch_size])
            for basket in batch.select_related("owner"):
                sent += _remind(basket, now)
    return sent


def _remind(basket, now: datetime) -> int:
    subscriber = Subscriber.objects.confirmed().of_user(basket.owner).order_by("pk").first()
    if subscriber is None:
        return 0
    try:
        with transaction.atomic():
            BasketReminder.objects.create(basket=basket, subscriber=subscriber, sent_at=now)
            _queue(basket, subscriber)
    except IntegrityError:  # another server reminded this basket first
        return 0
    except Exception:  # one broken basket must not stop the others
        logger.exception("Basket reminder for basket %s failed", basket.pk)
        return 0
    return 1


def reminder_lines(basket) -> list[dict]:
    """The basket's lines at today's prices (None: no longer for sale)."""
    basket.strategy = Selector().strategy(user=basket.owner)
    return [
        {
            "title": line.product.get_title(),
            "quantity": line.quantity,
            "unit_price": line.unit_price_incl_tax,
            "total": line.line_price_incl_tax,
        }
        for line in basket.all_lines()
    ]


def _queue(basket, subscriber: Subscriber) -> None:
    context = {
        "name": basket.owner.first_name,
        "lines": reminder_lines(basket),
        "basket_url": site_url(reverse("basket:summary")),
        "trader": current_trader(),
    }
    queue_marketing_email(
        subscriber=subscriber,
        subject=SUBJECT,
        body_text=render_to_string("newsletter/emails/basket_reminder.txt", context),
        body_html=render_to_string("newsletter/emails/basket_reminder.html", context),
    )
