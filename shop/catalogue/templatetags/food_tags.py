"""Template tags for food information and safe rendering of staff-written HTML."""

from django import template

from shop.catalogue.food import FOOD_ATTRIBUTE_CODES, food_information_for, price_per_litre
from shop.core.sanitise import safe_html

register = template.Library()


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
    """Staff-written HTML through the one sanitiser (stored fields already are; this
    guards values that reach a template another way)."""
    return safe_html(value)
