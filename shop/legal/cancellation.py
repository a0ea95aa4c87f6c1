"""The right to cancel (Consumer Contracts Regulations 2013), per product type and per order.

Each product class records which exception applies (catalogue.ProductClass.
cancellation_exception). Before dispatch we let shoppers cancel anything, as a
courtesy; after dispatch, perishable goods cannot be cancelled, sealed goods only
while sealed, and everything else until 14 days after delivery. Exceptions never
touch the rights for faulty goods (Consumer Rights Act 2015).

Refunds: the cancelled lines' prices, plus, when the whole order is cancelled,
the delivery charge up to the standard (cheapest) delivery to that address.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from oscar.core.loading import get_model

from shop.legal.models import CancellationRequest
from shop.order import status
from shop.shipping import quotes
from shop.shipping.postcodes import DeliveryZone, PostcodeError, zone_for

ProductClass = get_model("catalogue", "ProductClass")
DeliveryMethod = get_model("shipping", "OrderAndItemCharges")
Line = get_model("order", "Line")

NONE, PERISHABLE, SEALED = "", "perishable", "sealed"
CANCELLATION_DAYS = 14

# What the shopper reads for each exception: on the returns page, the order page
# and in the confirmation e-mail.
RIGHT_TEXT = {
    NONE: "You may cancel within 14 days of receiving it, for any reason.",
    PERISHABLE: (
        "Cannot be cancelled once dispatched: it is perishable (goods liable to deteriorate "
        "or expire rapidly). Faulty or spoiled items are always replaced or refunded."
    ),
    SEALED: (
        "You may cancel within 14 days of receiving it while the seal is unbroken; once "
        "opened it cannot be returned for health and hygiene reasons. Faulty items are "
        "always replaced or refunded."
    ),
}
BEFORE_DISPATCH = "Not yet dispatched: you can cancel any item now."
# The same rights in a few words, beside the Add to basket button.
SHORT_TEXT = {
    NONE: "14-day returns, for any reason",
    PERISHABLE: "Arrived spoiled? Replaced or refunded",
    SEALED: "14-day returns while sealed",
}
NOT_CANCELLABLE_STATUSES = {status.PENDING_PAYMENT, status.CANCELLED, status.REFUNDED}


@dataclass(frozen=True)
class LineRight:
    line: object
    exception: str
    may_cancel: bool
    text: str


def product_types() -> list:
    """Every product type with the exception it records, for the returns page."""
    types = list(ProductClass.objects.order_by("name"))
    for product_class in types:
        product_class.right_text = RIGHT_TEXT.get(product_class.cancellation_exception, "")
    return types


def exception_of(line) -> str:
    if line.product is None:  # deleted since: the full right, the shopper's side of doubt
        return NONE
    return product_exception(line.product)


def product_exception(product) -> str:
    """The exception the product's type records (a size takes its parent's type)."""
    product_class = product.parent.product_class if product.parent_id else product.product_class
    return getattr(product_class, "cancellation_exception", NONE) or NONE


def short_right(product) -> str:
    """The product's right to cancel in a few words, beside Add to basket."""
    return SHORT_TEXT.get(product_exception(product), SHORT_TEXT[NONE])


def rights_by_type(lines) -> tuple[tuple[str, str], ...]:
    """(product type, its right to cancel) for the types among basket or order lines."""
    notes = {}
    for line in lines:
        product = line.product
        name = product.get_product_class().name if product is not None else line.title
        notes.setdefault(name, RIGHT_TEXT[exception_of(line)])
    return tuple(sorted(notes.items()))


def lines_with_classes():
    """Order lines loaded with what ``exception_of`` reads, in one query."""
    return Line.objects.select_related(
        "product__product_class", "product__parent__product_class"
    ).order_by("pk")


def prefetch_lines() -> Prefetch:
    return Prefetch("lines", queryset=lines_with_classes())


def is_dispatched(order) -> bool:
    return order.status in (status.DISPATCHED, status.DELIVERED)


def window_ends(order) -> date | None:
    """The last day to cancel: 14 days after the goods arrived, taken as the later of the
    day the order was marked Delivered and the latest delivery date we promised (the
    shopper gets the benefit of the doubt). None until it is delivered: a parcel still
    on its way keeps the window open."""
    if order.status != status.DELIVERED:
        return None
    marked = (
        order.status_changes.filter(new_status=status.DELIVERED)
        .order_by("-date_created")
        .values_list("date_created", flat=True)
        .first()
    )
    days = [d for d in (order.deliver_by, marked and timezone.localdate(marked)) if d]
    delivered = max(days, default=timezone.localdate(order.date_placed))
    return delivered + timedelta(days=CANCELLATION_DAYS)


def rights_for(order, *, today: date | None = None) -> list[LineRight]:
    """What the shopper may cancel, line by line (lines prefetched with their classes)."""
    today = today or timezone.localdate()
    open_order = order.status not in NOT_CANCELLABLE_STATUSES
    ends = window_ends(order)
    rights = []
    for line in order.lines.all():
        exception = exception_of(line)
        if not open_order:
            rights.append(LineRight(line, exception, False, "This order cannot be cancelled."))
        elif not is_dispatched(order):
            rights.append(LineRight(line, exception, True, BEFORE_DISPATCH))
        elif exception == PERISHABLE:
            rights.append(LineRight(line, exception, False, RIGHT_TEXT[PERISHABLE]))
        elif ends is not None and today > ends:
            text = f"The 14 days to cancel ended on {ends:%A} {ends.day} {ends:%B}."
            rights.append(LineRight(line, exception, False, text))
        else:
            rights.append(LineRight(line, exception, True, RIGHT_TEXT[exception]))
    return rights


def may_request(order) -> bool:
    return any(right.may_cancel for right in rights_for(order))


def standard_delivery_charge(order) -> Decimal:
    """The cheapest delivery we offer to the order's address for its goods (free over a
    threshold; surcharge included), at today's rates."""
    try:
        zone = zone_for(getattr(order.shipping_address, "postcode", "") or "")
    except PostcodeError:
        zone = DeliveryZone.MAINLAND
    charges = [
        quotes.for_goods(
            method, goods_total=order.basket_total_incl_tax, items=order.num_items, zone=zone
        ).charge
        for method in DeliveryMethod.objects.offered()
        if method.serves(zone)
    ]
    return min(charges, default=order.shipping_incl_tax)


def refund_for(
    order, lines, *, earlier_lines=frozenset(), delivery_refunded: bool = False
) -> tuple[Decimal, Decimal]:
    """(goods, delivery) owed for cancelling ``lines`` of ``order``. Delivery is owed
    once the whole order is cancelled, by this request and ``earlier_lines`` together,
    unless an earlier request already refunds it."""
    chosen = {line.pk for line in lines} | set(earlier_lines)
    goods = sum((line.line_price_incl_tax for line in lines), Decimal("0.00"))
    whole_order = chosen >= {line.pk for line in order.lines.all()}
    delivery = Decimal("0.00")
    if whole_order and not delivery_refunded:
        delivery = min(order.shipping_incl_tax, standard_delivery_charge(order))
    return goods, delivery


def active_requests(order):
    """Requests that stand (not declined or withdrawn): their lines are not offered again."""
    return CancellationRequest.objects.filter(order=order).exclude(
        status__in=[CancellationRequest.Status.DECLINED, CancellationRequest.Status.WITHDRAWN]
    )


def lines_requested(order) -> set[int]:
    return set(active_requests(order).filter(lines__isnull=False).values_list("lines", flat=True))
