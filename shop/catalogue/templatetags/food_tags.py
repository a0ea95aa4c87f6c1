"""Template tags for food information and safe rendering of staff-written HTML."""

import nh3
from django import template
from django.utils.safestring import mark_safe

from shop.catalogue.food import FOOD_ATTRIBUTE_CODES, food_information_for, price_per_litre

register = template.Library()

# What staff may use in product descriptions and rich-text attributes.
PRODUCT_COPY_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "a", "h2", "h3", "h4"}


@register.simple_tag
def food_information(product):
    return food_information_for(product)


@register.simple_tag
def unit_price_per_litre(price, volume_ml):
    """Price per litre for a drink, or None when the price or volume is unknown."""
    if not volume_ml or price is None or not price.exists:
        return None
    return price_per_litre(price.incl_tax, int(volume_ml))


@register.filter
def general_attribute_values(product):
    """The product's attribute values that are not food information."""
    return [
        v for v in product.get_attribute_values() if v.attribute.code not in FOOD_ATTRIBUTE_CODES
    ]


@register.filter
def sanitise_html(value):
    """Staff-written HTML, cleaned to a small allow-list (links keep http/https/mailto)."""
    return mark_safe(  # noqa: S308 (nh3 output)
        nh3.clean(
            str(value or ""),
            tags=PRODUCT_COPY_TAGS,
            attributes={"a": {"href", "title"}},
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )
