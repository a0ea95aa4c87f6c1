"""Shipping fork: delivery methods with zones, VAT, dispatch rules and a headline offer."""

import oscar.apps.shipping.apps as apps


class ShippingConfig(apps.ShippingConfig):
    name = "shop.shipping"
