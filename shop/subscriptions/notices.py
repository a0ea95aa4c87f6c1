"""The e-mails a subscriber gets, queued in the outbox with what they report."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.template.loader import render_to_string
from django.urls import reverse

from shop.legal.trader import current_trader
from shop.outbox.services import queue_email
from shop.subscriptions import links

SUBJECTS = {
    "started": "Your kēpos subscription: {product}, every {weeks}",
    "reminder": "Your next {product} delivery: {date}",
    "payment_failed": "We couldn't take payment for your {product} delivery",
    "authenticate": "Please confirm the payment for your {product} delivery",
    "paused": "Your {product} subscription is paused",
    "out_of_stock": "Your {product} delivery on {date} is skipped: out of stock",
    "cancelled": "Your {product} subscription is cancelled",
}


def absolute(path: str) -> str:
    scheme = "https" if settings.SHOP_HTTPS else "http"
    return f"{scheme}://{Site.objects.get_current().domain}{path}"


def send(kind: str, subscription, **context) -> None:
    """Queue the ``kind`` e-mail to the subscriber (inside the caller's transaction)."""
    context = {
        "subscription": subscription,
        "product": subscription.product.get_title(),
        "account_url": absolute(reverse("subscriptions:detail", args=[subscription.pk])),
        "trader": current_trader(),
        **context,
    }
    date = context.get("date") or subscription.next_date
    subject = SUBJECTS[kind].format(
        product=context["product"],
        weeks=subscription.weeks_label,
        date=f"{date:%A} {date.day} {date:%B}",
    )
    queue_email(
        to=subscription.user.email,
        subject=subject,
        body_text=render_to_string(f"subscriptions/emails/{kind}.txt", context),
    )


def reminder(subscription, preview) -> None:
    def link(action):
        path = reverse(
            f"subscriptions:email-{action}", args=[links.token_for(subscription, action)]
        )
        return absolute(path)

    send(
        "reminder", subscription, preview=preview, skip_url=link("skip"), cancel_url=link("cancel")
    )
