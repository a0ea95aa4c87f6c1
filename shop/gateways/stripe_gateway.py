"""Stripe, through its official SDK (pinned in requirements.txt).

Payment intents are created on our server with the amount the server worked
out and confirmed in the browser by Stripe's Payment Element (cards with 3-D
Secure, Apple Pay and Google Pay: ``payment_method_types=["card"]``, so no
delayed methods such as bank debits). Every call has a short timeout and
retries safely (idempotency keys); any Stripe error becomes ``PaymentFailed``.
``STRIPE_API_BASE`` points the SDK elsewhere (the tests' local fake).
"""

from collections.abc import Iterator
from datetime import UTC, datetime
from decimal import Decimal

import stripe
from django.conf import settings

from shop.gateways import base
from shop.gateways.base import Card, Intent, PaymentFailed, SavedMethod

# Stripe.js must be loaded from Stripe itself (their terms and PCI scope).
SCRIPT_URL = "https://js.stripe.com/v3/"
CENT = Decimal("0.01")


def to_minor(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_minor(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(CENT)


def _field(obj, *path, default=None):
    """obj.a.b..., or ``default`` where a step is missing or not expanded."""
    for name in path:
        if obj is None or isinstance(obj, str):
            return default
        try:
            obj = obj[name]
        except (KeyError, TypeError, AttributeError):
            return default
    return default if obj is None else obj


def as_intent(pi) -> Intent:
    card = _field(pi, "payment_method", "card") or _field(
        pi, "last_payment_error", "payment_method", "card"
    )
    created = _field(pi, "created")
    method = _field(pi, "payment_method", default="")
    return Intent(
        reference=pi["id"],
        status=pi["status"],
        amount=from_minor(pi["amount"]),
        currency=str(pi["currency"]).upper(),
        order_number=str(_field(pi, "metadata", "order_number", default="")),
        client_secret=_field(pi, "client_secret", default=""),
        brand=str(_field(card, "brand", default="")).title(),
        last4=str(_field(card, "last4", default="")),
        failure_message=str(_field(pi, "last_payment_error", "message", default="")),
        created=datetime.fromtimestamp(created, tz=UTC) if created else None,
        payment_method=str(method if isinstance(method, str) else _field(method, "id", default="")),
        failure_code=str(_field(pi, "last_payment_error", "code", default="")),
        next_action_url=str(_field(pi, "next_action", "redirect_to_url", "url", default="")),
    )


class StripeGateway:
    code = "stripe"
    name = "Stripe"
    collects_card_details = False
    wallets = ("Apple Pay", "Google Pay")  # the Payment Element shows them where they work
    # Stripe's documented sources for Stripe.js and the Payment Element.
    content_security_policy: dict[str, list[str]] = {
        "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
        "frame-src": [
            "https://js.stripe.com",
            "https://*.js.stripe.com",
            "https://hooks.stripe.com",
        ],
        "connect-src": ["https://api.stripe.com"],
    }
    card_setup_origins = ["https://checkout.stripe.com"]  # Checkout in setup mode

    def __init__(self, client: stripe.StripeClient | None = None):
        self.client = client or stripe.StripeClient(
            settings.STRIPE_SECRET_KEY,
            base_addresses={"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else {},
            max_network_retries=2,
            http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
        )

    def browser_settings(self) -> dict:
        return {"publishable_key": settings.STRIPE_PUBLISHABLE_KEY, "script_url": SCRIPT_URL}

    def _call(self, what: str, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except stripe.StripeError as error:
            raise PaymentFailed(f"Stripe {what} failed: {error.user_message or error}") from error

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
        params = {"amount": to_minor(amount), "metadata": {"order_number": order_number}}
        if save_for_customer:  # the card is saved to the customer for renewals
            params.update(customer=save_for_customer, setup_future_usage="off_session")
        intents = self.client.v1.payment_intents
        if reference:
            pi = self._call(
                "update", intents.update, reference, params=params,
                options={"idempotency_key": idempotency_key},
            )  # fmt: skip
        else:
            params.update(currency=currency.lower(), payment_method_types=["card"])
            pi = self._call(
                "create", intents.create, params=params,
                options={"idempotency_key": idempotency_key},
            )  # fmt: skip
        return as_intent(pi)

    def confirm_card(self, reference: str, *, card: Card, return_url: str) -> Intent:
        raise PaymentFailed("Stripe payments are confirmed in the browser, not with our form.")

    def create_customer(self, *, email: str, idempotency_key: str) -> str:
        customer = self._call(
            "customer", self.client.v1.customers.create, params={"email": email},
            options={"idempotency_key": idempotency_key},
        )  # fmt: skip
        return customer["id"]

    def delete_customer(self, reference: str) -> None:
        try:
            self._call("customer deletion", self.client.v1.customers.delete, reference)
        except PaymentFailed as error:
            if "No such customer" not in str(error):  # already gone: nothing to do
                raise

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
        params = {
            "amount": to_minor(amount),
            "currency": currency.lower(),
            "customer": customer,
            "payment_method": payment_method,
            "payment_method_types": ["card"],
            "metadata": {"order_number": order_number},
            "confirm": True,
        }
        if return_url:  # the customer is here: 3-D Secure by redirect
            params["return_url"] = return_url
        else:
            params["off_session"] = True
        try:
            pi = self.client.v1.payment_intents.create(
                params=params, options={"idempotency_key": idempotency_key}
            )
        except stripe.CardError as error:  # declined: the intent is in the error
            pi = getattr(error.error, "payment_intent", None) if error.error else None
            if not pi:
                raise PaymentFailed(
                    f"Stripe charge failed: {error.user_message or error}"
                ) from error
            pi = self._call("read", self.client.v1.payment_intents.retrieve, pi["id"])
            if not _field(pi, "last_payment_error", "code"):  # keep why it failed
                pi["last_payment_error"] = {"code": error.code, "message": error.user_message}
        except stripe.StripeError as error:
            raise PaymentFailed(f"Stripe charge failed: {error.user_message or error}") from error
        return as_intent(pi)

    def start_card_setup(self, *, customer: str, return_url: str, cancel_url: str) -> str:
        """A Checkout Session in setup mode: Stripe's page takes the card (3-D Secure
        included) and saves it to the customer."""
        session = self._call(
            "card setup", self.client.v1.checkout.sessions.create,
            params={
                "mode": "setup",
                "customer": customer,
                "currency": "gbp",
                "payment_method_types": ["card"],
                "success_url": f"{return_url}?setup={{CHECKOUT_SESSION_ID}}",
                "cancel_url": cancel_url,
            },
        )  # fmt: skip
        return session["url"]

    def finish_card_setup(self, *, customer: str, reference: str) -> SavedMethod:
        session = self._call(
            "card setup read", self.client.v1.checkout.sessions.retrieve, reference,
            params={"expand": ["setup_intent.payment_method"]},
        )  # fmt: skip
        if _field(session, "customer") != customer or _field(session, "status") != "complete":
            raise PaymentFailed(f"Setup {reference} is not a completed one of {customer}.")
        method = _field(session, "setup_intent", "payment_method")
        if not method or isinstance(method, str):
            raise PaymentFailed(f"Setup {reference} saved no card.")
        return SavedMethod(
            token=method["id"],
            brand=str(_field(method, "card", "brand", default="")).title(),
            last4=str(_field(method, "card", "last4", default="")),
        )

    def save_card(self, *, customer: str, card: Card) -> SavedMethod:
        raise PaymentFailed(
            "Stripe saves cards in the browser (a setup intent), not with our form."
        )

    def retrieve(self, reference: str) -> Intent:
        if not reference:
            raise PaymentFailed("No payment intent to read.")
        intents = self.client.v1.payment_intents
        pi = self._call("read", intents.retrieve, reference, params={"expand": ["payment_method"]})
        return as_intent(pi)

    def cancel(self, reference: str) -> Intent:
        current = self.retrieve(reference)
        if current.status in (base.SUCCEEDED, base.CANCELED, base.PROCESSING):
            return current
        try:
            return as_intent(self.client.v1.payment_intents.cancel(reference))
        except stripe.InvalidRequestError:
            return self.retrieve(reference)  # it moved on meanwhile (e.g. succeeded)
        except stripe.StripeError as error:
            raise PaymentFailed(f"Stripe cancel failed: {error}") from error

    def refund(
        self, *, reference: str, amount: Decimal, currency: str, idempotency_key: str
    ) -> str:
        refund = self._call(
            "refund", self.client.v1.refunds.create,
            params={"payment_intent": reference, "amount": to_minor(amount)},
            options={"idempotency_key": idempotency_key},
        )  # fmt: skip
        return refund["id"]

    def succeeded_between(self, start: datetime, end: datetime) -> Iterator[Intent]:
        params = {
            "created": {"gte": int(start.timestamp()), "lt": int(end.timestamp())},
            "limit": 100,
        }
        page = self._call("list", self.client.v1.payment_intents.list, params=params)
        try:
            for pi in page.auto_paging_iter():
                if pi["status"] == base.SUCCEEDED:
                    yield as_intent(pi)
        except stripe.StripeError as error:
            raise PaymentFailed(f"Stripe list failed: {error}") from error

    def parse_event(self, payload: bytes, signature: str):
        """The webhook event in ``payload`` if Stripe signed it; raises ValueError if not."""
        try:
            return self.client.construct_event(payload, signature, settings.STRIPE_WEBHOOK_SECRET)
        except stripe.SignatureVerificationError as error:
            raise ValueError(f"Bad signature: {error}") from error
        except (AttributeError, KeyError, TypeError) as error:  # signed, but not an event
            raise ValueError(f"Not an event: {error!r}") from error
