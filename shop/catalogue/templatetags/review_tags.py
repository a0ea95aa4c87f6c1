"""Reviews on product pages: the form's star display (safe for whatever a visitor
submitted) and whether the visitor may write one."""

from django import template

register = template.Library()

STAR_CLASSES = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}


@register.filter
def stars_class(value) -> str:
    """The CSS class for a 1-5 score; "" for none or anything that is not a number.

    Oscar's ``as_stars`` rounds the raw value, so re-showing a form whose score
    was typed as text ("abc", or "3" beside an invalid title) answered 500.
    """
    try:
        return STAR_CLASSES.get(round(float(value)), "")
    except (TypeError, ValueError, OverflowError):
        return ""


@register.simple_tag(takes_context=True)
def review_eligibility(context, product):
    """May the visitor review ``product``, and if not, why (shop.catalogue.reviews)."""
    return product.review_eligibility(context["request"].user)
