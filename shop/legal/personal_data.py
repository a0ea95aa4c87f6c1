"""Cancellation requests hold a name, an e-mail and a reason: the privacy app exports
and erases them with the rest of a person's data (shop.privacy.registry)."""

from django.db.models import Q

from shop.legal.models import CancellationRequest
from shop.privacy.sections.common import ERASED_EMAIL, ERASED_NAME, when


def _requests(user, email: str):
    match = Q(email__iexact=email) if email else Q(pk__in=[])
    if user is not None:
        match |= Q(order__user=user)  # orders are erased last, so still linked here
    return CancellationRequest.objects.filter(match).select_related("order")


def export(user, email: str) -> list[dict]:
    return [
        {
            "order": request.order.number,
            "received": when(request.received_at),
            "items": [f"{line.title} x {line.quantity}" for line in request.lines.all()],
            "reason": request.reason,
            "status": request.get_status_display(),
            "refund_goods": str(request.refund_goods),
            "refund_delivery": str(request.refund_delivery),
        }
        for request in _requests(user, email).prefetch_related("lines").order_by("pk")
    ]


def erase(user, email: str) -> int:
    """The notice stays (it is part of the order's record); who sent it and why goes."""
    return _requests(user, email).update(
        name=ERASED_NAME, email=ERASED_EMAIL, reason="", staff_note=""
    )
