"""Template tags for the food label on product pages."""

from django import template

from shop.labelling.labels import nutrition_for, supplement_label_for

register = template.Library()


@register.simple_tag
def nutrition_declaration(product):
    return nutrition_for(product)


@register.simple_tag
def supplement_label(product):
    return supplement_label_for(product)
