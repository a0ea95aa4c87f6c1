"""Checkout fork: guest checkout, UK postcode checks, payment through a gateway
(the order written first as Pending payment), an order review with VAT by rate,
and one order per submission."""

import oscar.apps.checkout.apps as apps
from django.urls import path


class CheckoutConfig(apps.CheckoutConfig):
    name = "shop.checkout"

    def get_urls(self):
        from shop.checkout.outcome import PaymentReturnView

        return [
            path("payment/return/", PaymentReturnView.as_view(), name="payment-return"),
            *super().get_urls(),
        ]
