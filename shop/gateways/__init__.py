"""Payment gateways behind one small interface (see base.py); the active one is
chosen by the SHOP_PAYMENT_GATEWAY setting."""

from django.conf import settings
from django.utils.module_loading import import_string

from shop.gateways.base import Gateway


def get_gateway() -> Gateway:
    return import_string(settings.SHOP_PAYMENT_GATEWAY)()
