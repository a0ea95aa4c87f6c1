"""The built-in test gateway, behaving like Stripe's test mode.

Use it for local runs and tests (it is the default gateway). Its intents are
rows of ``TestIntent``; the card form on our review page confirms them on our
server. The card numbers are the ones Stripe publishes for test mode:

* 4242 4242 4242 4242: succeeds
* 4000 0027 6000 3184: asks the shopper to authenticate (3-D Secure), on a
  page of ours standing in for the bank's
* 4000 0000 0000 0002: declined
* 4000 0000 0000 0119: processing error
* 4000 0000 0000 0341: this payment succeeds and the card can be saved, but
  every later charge of the saved card is declined (as Stripe's card that
  attaches to a customer and then fails)

A saved card (``TestPaymentMethod``) is an opaque token recording only what
later charges do, the brand and the last four digits. 4000 0027 6000 3184
asks for authentication on every charge: a renewal without the customer
fails with ``authentication_required``, and with the customer present goes to
the stand-in bank page.

Any other number is declined, as a real test mode refuses real cards.
"""

import secrets
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.urls import reverse

from shop.gateways import base
from shop.gateways.base import Card, Intent, PaymentDeclined, PaymentFailed, SavedMethod
from shop.gateways.cards import brand_of
from shop.gateways.models import TestCustomer, TestIntent, TestPaymentMethod

SUCCEEDS = "4242424242424242"
AUTHENTICATES = "4000002760003184"
DECLINED = "4000000000000002"
PROCESSING_ERROR = "4000000000000119"
SAVES_THEN_FAILS = "4000000000000341"
Outcome = TestPaymentMethod.Outcome
OUTCOME_OF_CARD = {
    SUCCEEDS: Outcome.SUCCEEDS,
    SAVES_THEN_FAILS: Outcome.FAILS,
    AUTHENTICATES: Outcome.AUTHENTICATES,
}

DECLINED_MESSAGE = "Your card was declined. Please use another card."
TEST_MODE_MESSAGE = (
    "Your card was declined: this shop is in test mode, so use a test card "
    "such as 4242 4242 4242 4242."
)
NEEDS_AUTHENTICATION = "Your bank needs you to confirm this payment."
AUTHENTICATION_FAILED = (
    "We couldn't authenticate your payment with your bank. Please try again or use another card."
)
OPEN = frozenset({base.REQUIRES_PAYMENT_METHOD, base.REQUIRES_CONFIRMATION, base.REQUIRES_ACTION})


def as_intent(row: TestIntent) -> Intent:
    return Intent(
        reference=row.reference,
        status=row.status,
        amount=row.amount,
        currency=row.currency,
        order_number=row.order_number,
        client_secret=f"{row.reference}_secret",
        brand=row.brand,
        last4=row.last4,
        failure_message=row.failure_message,
        next_action_url=(
            reverse("test-payments:authenticate", args=[row.reference])
            if row.status == base.REQUIRES_ACTION
            else ""
        ),
        created=row.created_at,
        payment_method=row.payment_method,
        failure_code=row.failure_code,
    )


def _save_card(row: TestIntent) -> None:
    """The intent succeeded: save its card if it was asked to (setup_future_usage)."""
    if row.save_card and row.card_outcome and not row.payment_method:
        method = TestPaymentMethod.objects.create(
            token=f"pm_test_{secrets.token_hex(12)}",
            customer=row.customer,
            outcome=row.card_outcome,
            brand=row.brand,
            last4=row.last4,
        )
        row.payment_method = method.token


def _locked(reference: str) -> TestIntent:
    try:
        return TestIntent.objects.select_for_update().get(reference=reference)
    except TestIntent.DoesNotExist:
        raise PaymentFailed(f"No such payment intent: {reference}") from None


class TestGateway:
    __test__ = False  # not a pytest test class, despite the name

    code = "test"
    name = "Test card payments"
    collects_card_details = True
    wallets: tuple[str, ...] = ()
    content_security_policy: dict[str, list[str]] = {}  # our own page, our own origin
    card_setup_origins: list[str] = []  # cards are typed on our page

    def browser_settings(self) -> dict:
        return {}

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
        with transaction.atomic():
            if reference:
                row = _locked(reference)
                if row.status not in OPEN:
                    raise PaymentFailed(f"Intent {reference} is {row.status}; it cannot change.")
                row.amount, row.currency, row.order_number = amount, currency, order_number
                row.customer, row.save_card = save_for_customer, bool(save_for_customer)
                row.status = base.REQUIRES_PAYMENT_METHOD
                row.save()
                return as_intent(row)
            existing = TestIntent.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return as_intent(existing)  # a retried request: the same intent
            try:
                with transaction.atomic():
                    row = TestIntent.objects.create(
                        reference=f"pi_test_{secrets.token_hex(12)}",
                        idempotency_key=idempotency_key,
                        order_number=order_number,
                        amount=amount,
                        currency=currency,
                        status=base.REQUIRES_PAYMENT_METHOD,
                        customer=save_for_customer,
                        save_card=bool(save_for_customer),
                    )
            except IntegrityError:  # a concurrent retry made it first
                row = TestIntent.objects.get(idempotency_key=idempotency_key)
            return as_intent(row)

    def confirm_card(self, reference: str, *, card: Card, return_url: str) -> Intent:
        with transaction.atomic():
            row = _locked(reference)
            if row.status not in OPEN:
                return as_intent(row)  # already paid, processing or cancelled: no second charge
            row.brand, _ = brand_of(card.number)
            row.last4 = card.number[-4:]
            row.failure_message = row.failure_code = ""
            row.card_outcome = OUTCOME_OF_CARD.get(card.number, "")
            if card.number in (SUCCEEDS, SAVES_THEN_FAILS):
                row.status = base.SUCCEEDED
                _save_card(row)
            elif card.number == AUTHENTICATES:
                row.status, row.return_url = base.REQUIRES_ACTION, return_url
            elif card.number == PROCESSING_ERROR:
                row.status = base.REQUIRES_PAYMENT_METHOD
                row.save()
                raise PaymentFailed("The card processor reported a processing error.")
            else:
                row.status = base.REQUIRES_PAYMENT_METHOD
                row.failure_message = (
                    DECLINED_MESSAGE if card.number == DECLINED else (TEST_MODE_MESSAGE)
                )
            row.save()
            return as_intent(row)

    def authenticate(self, reference: str, *, approved: bool) -> str:
        """The stand-in bank page's answer; returns where the shopper goes next."""
        with transaction.atomic():
            row = _locked(reference)
            if row.status == base.REQUIRES_ACTION:
                row.status = base.SUCCEEDED if approved else base.REQUIRES_PAYMENT_METHOD
                row.failure_message = "" if approved else AUTHENTICATION_FAILED
                if approved:
                    _save_card(row)
                row.save()
            return row.return_url

    def create_customer(self, *, email: str, idempotency_key: str) -> str:
        customer, _ = TestCustomer.objects.get_or_create(
            idempotency_key=idempotency_key,
            defaults={"reference": f"cus_test_{secrets.token_hex(8)}", "email": email},
        )
        return customer.reference

    def delete_customer(self, reference: str) -> None:
        TestPaymentMethod.objects.filter(customer=reference).delete()
        TestCustomer.objects.filter(reference=reference).delete()

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
        method = TestPaymentMethod.objects.filter(token=payment_method, customer=customer).first()
        if method is None:
            raise PaymentFailed(f"No saved card {payment_method} for customer {customer}.")
        with transaction.atomic():
            existing = TestIntent.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return as_intent(existing)  # a retried request: the same charge
            row = TestIntent(
                reference=f"pi_test_{secrets.token_hex(12)}",
                idempotency_key=idempotency_key,
                order_number=order_number,
                amount=amount,
                currency=currency,
                customer=customer,
                payment_method=payment_method,
                brand=method.brand,
                last4=method.last4,
                return_url=return_url,
                status=base.REQUIRES_PAYMENT_METHOD,
            )
            if method.outcome == Outcome.SUCCEEDS:
                row.status = base.SUCCEEDED
            elif method.outcome == Outcome.FAILS:
                row.failure_code, row.failure_message = base.CARD_DECLINED, DECLINED_MESSAGE
            elif return_url:  # the customer is here: on to the bank's page
                row.status = base.REQUIRES_ACTION
            else:
                row.failure_code = base.AUTHENTICATION_REQUIRED
                row.failure_message = NEEDS_AUTHENTICATION
            row.save()
            return as_intent(row)

    def save_card(self, *, customer: str, card: Card) -> SavedMethod:
        outcome = OUTCOME_OF_CARD.get(card.number)
        if outcome is None:
            raise PaymentDeclined(
                DECLINED_MESSAGE if card.number == DECLINED else TEST_MODE_MESSAGE
            )
        method = TestPaymentMethod.objects.create(
            token=f"pm_test_{secrets.token_hex(12)}",
            customer=customer,
            outcome=outcome,
            brand=brand_of(card.number)[0],
            last4=card.number[-4:],
        )
        return SavedMethod(token=method.token, brand=method.brand, last4=method.last4)

    def start_card_setup(self, *, customer: str, return_url: str, cancel_url: str) -> str:
        raise PaymentFailed("The test gateway saves cards typed on our page (save_card).")

    def finish_card_setup(self, *, customer: str, reference: str) -> SavedMethod:
        raise PaymentFailed("The test gateway saves cards typed on our page (save_card).")

    def retrieve(self, reference: str) -> Intent:
        row = TestIntent.objects.filter(reference=reference).first()
        if row is None:
            raise PaymentFailed(f"No such payment intent: {reference}")
        return as_intent(row)

    def cancel(self, reference: str) -> Intent:
        with transaction.atomic():
            row = _locked(reference)
            if row.status in OPEN:
                row.status = base.CANCELED
                row.save()
            return as_intent(row)

    def refund(
        self, *, reference: str, amount: Decimal, currency: str, idempotency_key: str
    ) -> str:
        with transaction.atomic():
            row = _locked(reference)
            if row.status != base.SUCCEEDED or row.refunded + amount > row.amount:
                raise PaymentFailed(f"Cannot refund {amount} of {reference}.")
            row.refunded += amount
            row.save()
        return f"re_test_{secrets.token_hex(8)}"

    def succeeded_between(self, start: datetime, end: datetime) -> Iterator[Intent]:
        rows = TestIntent.objects.filter(
            status=base.SUCCEEDED, created_at__gte=start, created_at__lt=end
        ).order_by("pk")
        for row in rows.iterator():
            yield as_intent(row)
