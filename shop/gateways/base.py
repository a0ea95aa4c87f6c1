"""The payment gateway interface.

Two shapes of provider fit it:

* a card form on our own page, authorised at once (``collects_card_details``;
  ``authorise`` returns a result or raises): the built-in test gateway;
* a hosted payment page that the shopper is redirected to, which confirms
  later by webhook (``start_hosted_payment`` returns the URL; the webhook
  calls ``shop.order.services.mark_paid``): e.g. Stripe Checkout.

Either way an order is only ever marked paid once the provider confirms, and
only the card's brand and last four digits are kept.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from oscar.apps.payment.exceptions import PaymentError, UnableToTakePayment


@dataclass(frozen=True)
class Card:
    """Card details for one authorisation; never saved or logged."""

    number: str
    expiry_month: int
    expiry_year: int
    cvc: str

    def __repr__(self) -> str:  # keep the number out of logs and tracebacks
        return f"Card(****{self.number[-4:]})"


@dataclass(frozen=True)
class Authorisation:
    reference: str  # the provider's payment id
    brand: str
    last4: str


class PaymentDeclined(UnableToTakePayment):
    """The provider refused the payment; the message is safe to show the shopper."""


class PaymentFailed(PaymentError):
    """The provider could not process the payment (outage, processing error)."""


class Gateway(Protocol):
    code: str
    name: str
    collects_card_details: bool
    # Extra Content-Security-Policy sources the payment pages need (scripts,
    # frames, connections of the provider), e.g. {"script-src": ["https://js.example"]};
    # frame-src origins are also allowed the Payment Request API there.
    content_security_policy: dict[str, list[str]]

    def authorise(
        self, *, amount: Decimal, currency: str, order_number: str, card: Card
    ) -> Authorisation: ...

    def start_hosted_payment(
        self, *, amount: Decimal, currency: str, order_number: str, return_url: str
    ) -> str: ...

    def refund(self, *, reference: str, amount: Decimal, currency: str) -> str: ...

    def void(self, *, reference: str) -> None: ...
