"""Subscription figures for Managers: how many are active, the monthly recurring
revenue they bring, and cancellations and sign-ups per month."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from shop.subscriptions.models import Subscription, discounted
from shop.subscriptions.schedule import uk_today

WEEKS_PER_MONTH = Decimal(52) / Decimal(12)
LIVE = (Subscription.Status.ACTIVE, Subscription.Status.FAILING)


@dataclass(frozen=True)
class Month:
    month: date
    started: int
    cancelled: int


def status_counts() -> dict[str, int]:
    rows = Subscription.objects.values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(Subscription.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def monthly_recurring_revenue() -> Decimal:
    """What live subscriptions bring in a month at today's prices: each delivery's goods
    (the agreed saving off the one-off price, VAT included) times deliveries a month."""
    total = Decimal(0)
    live = (
        Subscription.objects.filter(status__in=LIVE)
        .select_related("product")
        .prefetch_related("product__stockrecords")
        .only("quantity", "weeks", "saving_percent", "product__id")
    )
    for subscription in live.iterator(chunk_size=2000):
        records = subscription.product.stockrecords.all()
        price = records[0].price if records else None
        if price is None:
            continue
        each = discounted(price, subscription.saving_percent) * subscription.quantity
        total += each * WEEKS_PER_MONTH / subscription.weeks
    return total.quantize(Decimal("0.01"))


def by_month(months: int = 12) -> list[Month]:
    """Sign-ups and cancellations in each of the last ``months`` months (UK months)."""
    zone = ZoneInfo(settings.TIME_ZONE)
    started = dict(
        Subscription.objects.annotate(m=TruncMonth("created_at", tzinfo=zone))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    cancelled = dict(
        Subscription.objects.filter(~Q(cancelled_at=None))
        .annotate(m=TruncMonth("cancelled_at", tzinfo=zone))
        .values("m")
        .annotate(n=Count("pk"))
        .values_list("m", "n")
    )
    started = {m.date() if hasattr(m, "date") else m: n for m, n in started.items()}
    cancelled = {m.date() if hasattr(m, "date") else m: n for m, n in cancelled.items()}
    this_month = uk_today().replace(day=1)
    rows = []
    year, month = this_month.year, this_month.month
    for _ in range(months):
        first = date(year, month, 1)
        rows.append(Month(first, started.get(first, 0), cancelled.get(first, 0)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return rows
