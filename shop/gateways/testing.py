"""The built-in test gateway, behaving like a card processor's test mode.

Use it for local runs and tests (it is the default gateway). The card
numbers are the ones processors publish for test mode:

* 4242 4242 4242 4242: succeeds
* 4000 0000 0000 0002: declined
* 4000 0000 0000 0119: processing error

Any other number is declined, as a real test mode refuses real cards.
"""

import secrets
from decimal import Decimal

from shop.gateways.base import Authorisation, Card, PaymentDeclined, PaymentFailed
from shop.gateways.cards import brand_of

SUCCEEDS = "4242424242424242"
DECLINED = "4000000000000002"
PROCESSING_ERROR = "4000000000000119"


class TestGateway:
    __test__ = False  # not a pytest test class, despite the name

    code = "test"
    name = "Test card payments"
    collects_card_details = True
    content_security_policy: dict[str, list[str]] = {}  # our own page, our own origin

    def authorise(
        self, *, amount: Decimal, currency: str, order_number: str, card: Card
    ) -> Authorisation:
        if card.number == DECLINED:
            raise PaymentDeclined("Your card was declined. Please use another card.")
        if card.number == PROCESSING_ERROR:
            raise PaymentFailed("The card processor reported a processing error.")
        if card.number != SUCCEEDS:
            raise PaymentDeclined(
                "Your card was declined: this shop is in test mode, so use a test card "
                "such as 4242 4242 4242 4242."
            )
        brand, _ = brand_of(card.number)
        return Authorisation(
            reference=f"test_{secrets.token_hex(8)}", brand=brand, last4=card.number[-4:]
        )

    def start_hosted_payment(self, **kwargs) -> str:
        raise NotImplementedError("The test gateway takes card details on our own page.")

    def refund(self, *, reference: str, amount: Decimal, currency: str) -> str:
        return f"test_refund_{secrets.token_hex(8)}"

    def void(self, *, reference: str) -> None:
        return None
