"""The sign-up wording for templates that have no view of ours behind them (the footer)."""

from django import template

from shop.newsletter import wording

register = template.Library()

WORDINGS = {
    "footer": wording.FOOTER_SIGNUP,
    "checkout": wording.CHECKOUT_SIGNUP,
    "account": wording.ACCOUNT_SIGNUP,
}


@register.simple_tag
def newsletter_wording(place: str) -> str:
    """The exact sentence recorded for a sign-up from ``place`` (footer, checkout, account)."""
    return WORDINGS[place]
