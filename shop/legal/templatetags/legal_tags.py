"""The cancellation information an order confirmation must carry, and its short form
beside a product's Add to basket button."""

from django import template
from django.urls import reverse

from shop.legal import cancellation
from shop.legal.models import LegalPage

register = template.Library()


@register.simple_tag
def cancellation_notes(order) -> dict:
    """The right to cancel each type of product in ``order``, and where to read more."""
    returns = LegalPage.objects.filter(kind=LegalPage.Kind.RETURNS).first()
    return {
        "notes": cancellation.rights_by_type(cancellation.lines_with_classes().filter(order=order)),
        "returns_path": returns.get_absolute_url() if returns else "",
        "form_path": reverse("legal:model-cancellation-form"),
    }


@register.filter
def open_to_cancellation(order) -> bool:
    """Whether the order page offers "Cancel items" (the cancel page then says, line by
    line, what can still be cancelled)."""
    return order.status not in cancellation.NOT_CANCELLABLE_STATUSES


@register.simple_tag
def returns_promise(product) -> str:
    """The right to cancel this product has, in a few words (its type decides)."""
    return cancellation.short_right(product)
