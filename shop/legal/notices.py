"""E-mails about cancellations: the acknowledgment the Regulations require when a
shopper cancels online (sent "without delay", on a durable medium)."""

from django.template.loader import render_to_string

from shop.legal.trader import current_trader
from shop.outbox.services import queue_email


def acknowledge(request) -> None:
    """Queue the acknowledgment of ``request`` (inside the caller's transaction)."""
    context = {
        "cancellation": request,
        "order": request.order,
        "lines": list(request.lines.all()),
        "trader": current_trader(),
    }
    queue_email(
        to=request.email,
        subject=f"We've received your cancellation of order {request.order.number}",
        body_text=render_to_string("legal/emails/cancellation_received.txt", context),
    )
