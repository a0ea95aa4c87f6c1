"""The payment gateway interface: payment intents, as Stripe shapes them.

One intent per order, created (or updated) on our server at "Place order"
with the amount the server computed; confirmed with the shopper's card,
which happens in the browser for Stripe (the Payment Element posts the card
to Stripe, never to us) or on our server for the built-in test gateway
(``collects_card_details``); then read back (``retrieve``) by whoever needs
to know the outcome: the return page, the webhook, the stale-order job and
the reconciliation command. Nothing card-shaped is kept but the brand and
the last four digits.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol

from oscar.apps.payment.exceptions import PaymentError, UnableToTakePayment

# Intent statuses (Stripe's names).
REQUIRES_PAYMENT_METHOD = "requires_payment_method"  # new, or the last attempt failed
REQUIRES_CONFIRMATION = "requires_confirmation"
REQUIRES_ACTION = "requires_action"  # 3-D Secure: the shopper must authenticate
PROCESSING = "processing"
SUCCEEDED = "succeeded"
CANCELED = "canceled"
FINAL_STATUSES = frozenset({SUCCEEDED, CANCELED})

# Why a charge of a saved card failed (Stripe's decline codes).
AUTHENTICATION_REQUIRED = "authentication_required"  # the customer must be present
CARD_DECLINED = "card_declined"


@dataclass(frozen=True)
class Card:
    """Card details for one confirmation on our server; never saved or logged."""

    number: str
    expiry_month: int
    expiry_year: int
    cvc: str

    def __repr__(self) -> str:  # keep the number out of logs and tracebacks
        return f"Card(****{self.number[-4:]})"


@dataclass(frozen=True)
class Intent:
    """A payment intent as the provider reports it."""

    reference: str  # the provider's id, e.g. pi_3Ab...
    status: str
    amount: Decimal
    currency: str
    order_number: str  # from the intent's metadata, set by our server
    client_secret: str = ""  # lets the browser confirm this one intent
    brand: str = ""
    last4: str = ""
    failure_message: str = ""  # why the last attempt failed, safe to show the shopper
    next_action_url: str = ""  # where the shopper authenticates (the bank's page)
    created: datetime | None = None
    payment_method: str = ""  # the card saved for later charges, when one was asked for
    failure_code: str = ""  # e.g. AUTHENTICATION_REQUIRED

    @property
    def needs_customer(self) -> bool:
        """An off-session charge the bank will only take with the customer present."""
        return self.failure_code == AUTHENTICATION_REQUIRED or self.status == REQUIRES_ACTION

    @property
    def succeeded(self) -> bool:
        return self.status == SUCCEEDED

    @property
    def card_label(self) -> str:
        return f"{self.brand or 'Card'} ending {self.last4}" if self.last4 else ""


@dataclass(frozen=True)
class SavedMethod:
    """A card saved with the provider for later charges: only its token and label."""

    token: str  # the provider's id, e.g. pm_1Ab...
    brand: str
    last4: str


class PaymentDeclined(UnableToTakePayment):
    """The provider refused the payment; the message is safe to show the shopper."""


class PaymentFailed(PaymentError):
    """The provider could not be reached or could not process the request."""


class Gateway(Protocol):
    code: str
    name: str
    # True: the card form is ours and ``confirm_card`` posts it to the provider.
    # False: the provider's script confirms in the browser (``client_secret``).
    collects_card_details: bool
    # Wallets the provider offers beside cards, named as shoppers know them.
    wallets: tuple[str, ...]
    # Extra Content-Security-Policy sources the payment page needs (scripts,
    # frames, connections of the provider), e.g. {"script-src": ["https://js.example"]};
    # frame-src origins are also allowed the Payment Request API there.
    content_security_policy: dict[str, list[str]]
    # Where a customer is sent to give a card to save (gateways that do not collect card
    # details); the page sending them there lets its form go to these origins.
    card_setup_origins: list[str]

    def browser_settings(self) -> dict:
        """What the payment page's script needs (e.g. the publishable key)."""

    def prepare(
        self,
        *,
        reference: str,
        amount: Decimal,
        currency: str,
        order_number: str,
        idempotency_key: str,
        save_for_customer: str = "",
    ) -> Intent:
        """Create an intent (``reference`` empty) or set an open one's amount. With
        ``save_for_customer`` (a customer reference) the card it is paid with is saved
        for later charges without the customer (``Intent.payment_method``)."""

    def create_customer(self, *, email: str, idempotency_key: str) -> str:
        """A customer record at the provider, to save cards to; returns its reference."""

    def delete_customer(self, reference: str) -> None:
        """Delete the provider's customer record and the cards saved to it (erasure)."""

    def charge_saved(
        self,
        *,
        customer: str,
        payment_method: str,
        amount: Decimal,
        currency: str,
        order_number: str,
        idempotency_key: str,
        return_url: str = "",
    ) -> Intent:
        """Charge a saved card. Without ``return_url`` the customer is absent (a renewal):
        a charge the bank wants authenticated fails with AUTHENTICATION_REQUIRED. With it
        the customer is here and may be sent to the bank's page (``next_action_url``)."""

    def save_card(self, *, customer: str, card: Card) -> SavedMethod:
        """Save a card typed on our page (``collects_card_details`` only)."""

    def start_card_setup(self, *, customer: str, return_url: str, cancel_url: str) -> str:
        """The provider's page where the customer gives a card to save (gateways that do
        not collect card details); it comes back to ``return_url?setup=<reference>``."""

    def finish_card_setup(self, *, customer: str, reference: str) -> SavedMethod:
        """The card saved at the provider's page, checked to be this customer's."""

    def confirm_card(self, reference: str, *, card: Card, return_url: str) -> Intent:
        """Confirm with card details taken on our page (``collects_card_details`` only)."""

    def retrieve(self, reference: str) -> Intent: ...

    def cancel(self, reference: str) -> Intent:
        """Cancel an intent not yet paid; returns it as it now is (maybe succeeded)."""

    def refund(
        self, *, reference: str, amount: Decimal, currency: str, idempotency_key: str
    ) -> str:
        """Refund ``amount`` of a succeeded intent; returns the refund's id."""

    def succeeded_between(self, start: datetime, end: datetime) -> Iterator[Intent]:
        """Every succeeded intent created in [start, end), for reconciliation."""
