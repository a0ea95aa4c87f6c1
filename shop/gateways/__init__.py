"""Payment gateways behind one small interface (see base.py); the active one is
chosen by the SHOP_PAYMENT_GATEWAY setting."""

from django.conf import settings
from django.utils.module_loading import import_string

from shop.gateways.base import Gateway


def get_gateway() -> Gateway:
    return import_string(settings.SHOP_PAYMENT_GATEWAY)()


def accepted_payment_marks() -> list[str]:
    """What the shopper may pay with, as the checkout's trust cues name it: the card
    brands the card form recognises, and the wallets the active gateway offers (read
    from its class: nothing is set up to answer)."""
    from shop.gateways.cards import BRANDS

    wallets = import_string(settings.SHOP_PAYMENT_GATEWAY).wallets
    return [brand for brand, _pattern, _cvc in BRANDS] + list(wallets)
