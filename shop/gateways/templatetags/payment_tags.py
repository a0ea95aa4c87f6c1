"""``{% payment_marks as marks %}``: the ways to pay, for the trust cues beside Add to
basket and at payment."""

from django import template

from shop.gateways import accepted_payment_marks

register = template.Library()


@register.simple_tag
def payment_marks() -> list[str]:
    return accepted_payment_marks()
