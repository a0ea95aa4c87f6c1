"""After delivery, one e-mail inviting a customer to review what they bought, sent only
to customers who consented to our e-mails (a confirmed newsletter subscription). The
dispatch e-mail's review links go to every customer; this is the optional reminder."""

from django.template.loader import render_to_string
from oscar.core.loading import get_model

from shop.newsletter.models import Subscriber
from shop.newsletter.services import queue_marketing_email
from shop.order import status
from shop.order.services import review_links

Order = get_model("order", "Order")
SUBJECT = "How was your kēpos order?"


def on_order_status_changed(sender, order, old_status, new_status, **kwargs) -> None:
    """An order marked Delivered (once in its life) may bring the review reminder, queued
    in the same transaction as the status change."""
    if new_status == status.DELIVERED:
        request_reviews(order)


def request_reviews(order) -> bool:
    links = review_links(order)
    if not links:
        return False
    subscriber = (
        Subscriber.objects.confirmed().filter(user_id=order.user_id).order_by("pk").first()
        or Subscriber.objects.confirmed().with_email(order.user.email).order_by("pk").first()
    )
    if subscriber is None:
        return False
    context = {"order": order, "review_links": links}
    queue_marketing_email(
        subscriber=subscriber,
        subject=SUBJECT,
        body_text=render_to_string("newsletter/emails/review_request.txt", context),
        body_html=render_to_string("newsletter/emails/review_request.html", context),
    )
    return True
