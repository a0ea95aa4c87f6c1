"""Checkout fork: guest checkout, UK postcode checks, card payment through a gateway,
an order review with VAT by rate, and one order per submission."""

import oscar.apps.checkout.apps as apps


class CheckoutConfig(apps.CheckoutConfig):
    name = "shop.checkout"
