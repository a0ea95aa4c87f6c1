"""Who may review a product: a signed-in customer with an order of it (or of one of its
sizes) that has arrived, i.e. marked Delivered, or dispatched and past the latest
delivery date promised. One review per customer and product."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from oscar.core.loading import get_model

from shop.order import status

Order = get_model("order", "Order")


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    reason: str = ""


def arrived_orders(user, product):
    """The customer's orders of ``product`` (or its sizes) that have arrived."""
    today = timezone.localdate()
    return Order.objects.filter(
        Q(lines__product=product) | Q(lines__product__parent=product),
        user=user,
    ).filter(Q(status=status.DELIVERED) | Q(status=status.DISPATCHED, deliver_by__lt=today))


def eligibility(user, product) -> Eligibility:
    if not user.is_authenticated:
        return Eligibility(False, "Sign in to review a product you have bought.")
    if product.has_review_by(user):
        return Eligibility(False, "You have already reviewed this product: thank you.")
    if not arrived_orders(user, product).exists():
        return Eligibility(
            False,
            "Reviews come from customers whose order of this product has arrived. Once "
            "yours has, you can review it here.",
        )
    return Eligibility(True)
