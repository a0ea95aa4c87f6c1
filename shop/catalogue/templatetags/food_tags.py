"""Template tags for food information and safe rendering of staff-written HTML."""

from django import template

from shop.catalogue.food import FOOD_ATTRIBUTE_CODES, food_information_for
from shop.catalogue.unit_price import unit_price, unit_price_from
from shop.core.sanitise import safe_html

register = template.Library()


@register.simple_tag
def food_information(product):
    return food_information_for(product)


@register.simple_tag(takes_context=True)
def unit_price_for(context, product, price):
    """The unit price beside a product's shown price (a parent's: its "from" size's),
    or None for goods sold by number."""
    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    if product.is_parent and strategy is None:
        return None
    return unit_price_from(product, strategy, price)


@register.simple_tag
def line_unit_price(line):
    """A basket line's unit price at what the shopper pays for it, offers included
    (a "3 for 2" prices the line's whole quantity at its discounted total)."""
    product = line.product
    if not line.is_tax_known or not line.quantity or not product.pack_size:
        return None
    total = line.line_price_incl_tax_incl_discounts
    return unit_price(
        total, product.pack_size * line.quantity, product.pack_measure, line.price_currency
    )


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
