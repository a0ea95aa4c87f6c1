"""The cancellation information an order confirmation must carry."""

from django import template
from django.urls import reverse

from shop.legal import cancellation
from shop.legal.models import LegalPage

register = template.Library()


@register.simple_tag
def cancellation_notes(order) -> dict:
    """The right to cancel each type of product in ``order``, and where to read more."""
    notes = {}
    for line in cancellation.lines_with_classes().filter(order=order):
        product = line.product
        name = product.get_product_class().name if product else line.title
        notes.setdefault(name, cancellation.RIGHT_TEXT[cancellation.exception_of(line)])
    returns = LegalPage.objects.filter(kind=LegalPage.Kind.RETURNS).first()
    return {
        "notes": sorted(notes.items()),
        "returns_path": returns.get_absolute_url() if returns else "",
        "form_path": reverse("legal:model-cancellation-form"),
    }


@register.filter
def open_to_cancellation(order) -> bool:
    """Whether the order page offers "Cancel items" (the cancel page then says, line by
    line, what can still be cancelled)."""
    return order.status not in cancellation.NOT_CANCELLABLE_STATUSES
