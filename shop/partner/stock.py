"""Stock levels and low-stock alerts for Order staff.

Oscar opens a ``StockAlert`` whenever a stock record's available quantity
falls below its threshold (and closes it when stock returns). Each new alert
is e-mailed, once, to the Order staff, through the outbox.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from oscar.core.loading import get_model

from shop.outbox.services import queue_email
from shop.roles import ORDER_STAFF

LowStockNotice = get_model("partner", "LowStockNotice")
StockAlert = get_model("partner", "StockAlert")
StockRecord = get_model("partner", "StockRecord")


def with_availability(records):
    """Annotate ``available`` (in stock minus allocated) on stock records."""
    return records.annotate(available=F("num_in_stock") - Coalesce(F("num_allocated"), 0))


def low_stock_records():
    """Stock records whose available quantity is below their threshold."""
    return with_availability(StockRecord.objects.filter(low_stock_threshold__isnull=False)).filter(
        available__lt=F("low_stock_threshold")
    )


def order_staff_emails() -> list[str]:
    users = (
        get_user_model().objects.filter(is_active=True, groups__name=ORDER_STAFF).exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


@transaction.atomic
def queue_low_stock_emails() -> int:
    """Queue one e-mail per open stock alert nobody has been told about; returns how many."""
    recipients = order_staff_emails()
    if not recipients:
        return 0
    alerts = (
        StockAlert.objects.select_for_update(skip_locked=True, of=("self",))
        .filter(status=StockAlert.OPEN, notice__isnull=True)
        .select_related("stockrecord__product__parent")
    )
    count = 0
    for alert in alerts:
        record = alert.stockrecord
        context = {"alert": alert, "record": record, "product": record.product}
        for address in recipients:
            queue_email(
                to=address,
                subject=f"Low stock: {record.product.get_title()} ({record.partner_sku})",
                body_text=render_to_string("shop/emails/low_stock.txt", context),
            )
        LowStockNotice.objects.create(alert=alert, sent_to=", ".join(recipients))
        count += 1
    return count
