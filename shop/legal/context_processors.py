"""Every page names the trader and knows the visitor's cookie choice (for the banner)."""

from django.utils.functional import SimpleLazyObject

from shop.legal import consent
from shop.legal.trader import current_trader


def legal(request):
    return {
        "trader": SimpleLazyObject(lambda: current_trader(request)),
        "cookie_choice": consent.choice_of(request),
    }
