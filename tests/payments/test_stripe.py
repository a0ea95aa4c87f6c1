"""Stripe, offline: the store against a local fake of Stripe's API and signed events.

The browser's part (the Payment Element confirming with the client secret,
3-D Secure) is played by the fake's helpers; everything on our side runs for
real: the review page, "Place order", the return page, the webhook, refunds,
the stale-order job and reconciliation.
"""

import json
import os
import re
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.apps.order.exceptions import InvalidOrderStatus
from oscar.core.loading import get_model

from shop import roles
from shop.order import services, status
from shop.outbox.models import OutboxEmail
from shop.payments.models import ProcessedEvent
from shop.payments.reconcile import reconcile
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of
from tests.payments.fake_stripe import (
    PUBLISHABLE_KEY,
    SECRET_KEY,
    WEBHOOK_SECRET,
    FakeStripe,
    signed,
)

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

WEBHOOK = "/payments/stripe/webhook/"
RETURN = "/checkout/payment/return/"


@pytest.fixture
def fake(httpserver, settings):
    api = FakeStripe()
    httpserver.expect_request(re.compile(r"^/v1/")).respond_with_handler(api.handler)
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = httpserver.url_for("/").rstrip("/")
    settings.STRIPE_TIMEOUT_SECONDS = 5
    settings.SHOP_PAYMENT_GATEWAY = "shop.gateways.stripe_gateway.StripeGateway"
    return api


@pytest.fixture
def item():
    factories.delivery_methods()
    return factories.product("kēpos 30-day", "39.99", num_in_stock=10)


@pytest.fixture
def manager():
    return factories.staff_user(roles.MANAGERS, email="boss@kepos.example")


def place(client, token=None):
    """ "Place order" as the page's script sends it: the form, asking for JSON."""
    token = token or steps.basket_token(client)
    return client.post(
        reverse("checkout:preview"),
        {"action": "place_order", "basket_token": token},
        HTTP_ACCEPT="application/json",
    )


def placed(client, item, quantity=1):
    """A guest at "Place order": the order written, its intent created; returns both."""
    answer = place(client, steps.guest_checkout(client, [(item, quantity)])).json()
    assert answer["return_url"].endswith(RETURN)
    return Order.objects.latest("pk"), answer


def post_event(client, event, secret=WEBHOOK_SECRET, signature=None):
    payload = json.dumps(event)
    header = signature if signature is not None else signed(payload, secret)
    return client.post(
        WEBHOOK, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def test_stripe_is_chosen_by_its_keys_and_the_test_gateway_without_them():
    code = "from django.conf import settings; print(settings.SHOP_PAYMENT_GATEWAY)"
    base = {**os.environ, "DJANGO_SETTINGS_MODULE": "shop.settings", "DJANGO_DEBUG": "true"}
    base.pop("SHOP_PAYMENT_GATEWAY", None)
    run = [sys.executable, "-c", f"import django; django.setup(); {code}"]
    without = subprocess.run(run, env={**base, "STRIPE_SECRET_KEY": ""}, capture_output=True)
    with_key = subprocess.run(run, env={**base, "STRIPE_SECRET_KEY": "sk_x"}, capture_output=True)

    assert without.stdout.decode().strip() == "shop.gateways.testing.TestGateway"
    assert with_key.stdout.decode().strip() == "shop.gateways.stripe_gateway.StripeGateway"


def test_stripe_review_page_loads_stripe_js_and_allows_stripe_only_there(client, fake, item):
    steps.guest_checkout(client, [(item, 1)])

    review = client.get(reverse("checkout:preview"))
    basket = client.get(reverse("basket:summary"))

    html = review.content.decode()
    assert '<script src="https://js.stripe.com/v3/">' in html
    form = re.search(r'<form[^>]*id="place_order_form"[^>]*>', html).group(0)
    assert f'data-stripe-key="{PUBLISHABLE_KEY}"' in form, form
    assert 'data-amount="3999"' in form
    assert 'name="number"' not in html  # no card field of ours
    policy = review["Content-Security-Policy"]
    assert "https://js.stripe.com" in policy and "https://api.stripe.com" in policy
    assert "stripe.com" not in basket["Content-Security-Policy"]


def test_stripe_place_order_sets_the_server_total_and_order_number_on_one_intent(
    client, fake, item
):
    order, answer = placed(client, item, quantity=2)

    intent = fake.only_intent()
    assert answer["client_secret"] == intent["client_secret"]
    assert intent["amount"] == 2 * 3999  # from the order (free delivery), never the browser
    assert intent["currency"] == "gbp" and intent["payment_method_types"] == ["card"]
    assert intent["metadata"] == {"order_number": order.number}
    assert order.status == status.PENDING_PAYMENT
    assert order.sources.get().reference == intent["id"]
    create = next(call for call in fake.calls if call[:2] == ("POST", "/v1/payment_intents"))
    assert create[3].startswith("order-intent-")  # the idempotency key
    assert Basket.objects.get().status == Basket.FROZEN


def test_stripe_place_order_without_javascript_says_so_and_writes_nothing(client, fake, item):
    token = steps.guest_checkout(client, [(item, 1)])

    response = client.post(
        reverse("checkout:preview"), {"action": "place_order", "basket_token": token}
    )

    assert "Paying by card needs JavaScript" in text_of(response)
    assert not Order.objects.exists() and not fake.intents


def test_stripe_retry_of_the_same_review_reuses_the_order_and_its_intent(client, fake, item):
    order, first = placed(client, item)
    client.get(RETURN)  # the shopper abandoned the card step: back to the review page

    second = place(client).json()

    assert Order.objects.get() == order
    assert second["client_secret"] == first["client_secret"]
    assert len(fake.intents) == 1


def test_stripe_changed_basket_moves_the_unpaid_intent_to_the_new_order(client, fake, item):
    first_order, _ = placed(client, item)
    client.get(RETURN)  # back to the review page, basket thawed
    steps.add_to_basket(client, item)

    place(client)

    first_order.refresh_from_db()
    second_order = Order.objects.latest("pk")
    assert first_order.status == status.CANCELLED
    intent = fake.only_intent()  # one intent per basket, now for the new order and total
    assert intent["metadata"]["order_number"] == second_order.number
    assert intent["amount"] == 2 * 3999
    assert StockRecord.objects.get(product=item).num_allocated == 2


def test_stripe_return_after_success_marks_paid_and_emails_once(client, fake, item):
    order, _ = placed(client, item)
    fake.succeed(fake.only_intent()["id"])

    response = client.get(RETURN + "?payment_intent=ignored&redirect_status=ignored")

    assert response["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == status.PAID
    assert order.sources.get().label == "Visa ending 4242"
    assert OutboxEmail.objects.filter(to="guest@example.com").count() == 1
    assert Basket.objects.get().status == Basket.SUBMITTED


def test_stripe_requires_action_then_return_after_the_bank_pays(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.set_status(reference, "requires_action")  # 3-D Secure in the browser...
    fake.succeed(reference, brand="mastercard", last4="4444")  # ...approved by the bank

    assert client.get(RETURN)["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == status.PAID and order.sources.get().label == "Mastercard ending 4444"


def test_stripe_declined_payment_returns_to_the_review_with_the_reason(client, fake, item):
    order, _ = placed(client, item)
    fake.decline(fake.only_intent()["id"], "Your card has insufficient funds.")

    review = client.get(RETURN, follow=True)

    assert review.redirect_chain[-1][0] == reverse("checkout:preview")
    assert "Your card has insufficient funds." in text_of(review)
    assert Basket.objects.get().status == Basket.OPEN
    order.refresh_from_db()
    assert order.status == status.PENDING_PAYMENT
    assert not OutboxEmail.objects.exists()


def test_stripe_processing_error_at_place_order_says_no_money_was_taken(client, fake, item):
    fake.fail_next.extend([("POST", "/v1/payment_intents")] * 3)  # the SDK retries twice
    token = steps.guest_checkout(client, [(item, 1)])

    answer = place(client, token).json()
    review = client.get(answer["redirect"])

    assert "No money was taken" in text_of(review)
    assert Basket.objects.get().status == Basket.OPEN


def test_stripe_processing_intent_shows_the_order_as_being_confirmed(client, fake, item):
    order, _ = placed(client, item)
    fake.set_status(fake.only_intent()["id"], "processing")

    thanks = client.get(client.get(RETURN)["Location"])

    assert "Your bank is still confirming the payment" in text_of(thanks)
    order.refresh_from_db()
    assert order.status == status.PENDING_PAYMENT


def test_stripe_webhook_before_the_return_then_the_return_shows_thanks_once(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)

    assert (
        post_event(client, fake.intent_event("payment_intent.succeeded", reference)).json()[
            "outcome"
        ]
        == "paid"
    )
    assert client.get(RETURN)["Location"] == reverse("checkout:thank-you")

    order.refresh_from_db()
    assert order.status == status.PAID and order.payment_events.count() == 1
    assert OutboxEmail.objects.filter(to="guest@example.com").count() == 1


def test_stripe_return_before_the_webhook_then_the_webhook_changes_nothing(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)
    client.get(RETURN)

    answer = post_event(client, fake.intent_event("payment_intent.succeeded", reference))

    assert answer.json()["outcome"] == "already paid"
    assert OutboxEmail.objects.filter(to="guest@example.com").count() == 1


def test_stripe_webhook_alone_pays_a_shopper_who_closed_the_tab(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)

    post_event(client.__class__(), fake.intent_event("payment_intent.succeeded", reference))

    order.refresh_from_db()
    assert order.status == status.PAID
    assert OutboxEmail.objects.get().to == "guest@example.com"
    assert Basket.objects.get().status == Basket.SUBMITTED


def test_stripe_webhook_duplicate_and_replayed_events_are_harmless(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)
    event = fake.intent_event("payment_intent.succeeded", reference)

    outcomes = [post_event(client, event).json()["outcome"] for _ in range(3)]

    assert outcomes == ["paid", "duplicate", "duplicate"]
    assert ProcessedEvent.objects.count() == 1
    assert Order.objects.get().payment_events.count() == 1


@pytest.mark.parametrize(
    "signature",
    ["", "t=1,v1=deadbeef", "garbage", None],
    ids=["missing", "forged", "garbage", "wrong-secret"],
)
def test_stripe_webhook_forged_or_missing_signature_is_400(client, fake, item, signature):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)
    event = fake.intent_event("payment_intent.succeeded", reference)

    if signature is None:
        response = post_event(client, event, secret="whsec_someone_else")
    else:
        response = post_event(client, event, signature=signature)

    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == status.PENDING_PAYMENT and not ProcessedEvent.objects.exists()


def test_stripe_webhook_old_signature_timestamp_is_refused(client, fake):
    payload = json.dumps(fake.event("payment_intent.succeeded", {"id": "pi_x"}))
    old = signed(payload, at=int(timezone.now().timestamp()) - 3600)

    response = client.post(
        WEBHOOK, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=old
    )

    assert response.status_code == 400


def test_stripe_webhook_unknown_event_types_are_acknowledged_and_ignored(client, fake):
    response = post_event(client, fake.event("customer.created", {"id": "cus_1"}))

    assert response.status_code == 200 and response.json()["outcome"] == "ignored"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"id": "evt_1"},
        {"id": "evt_2", "type": "payment_intent.succeeded"},
        {"id": "evt_3", "type": "payment_intent.succeeded", "data": {"object": {}}},
        {"id": "evt_4", "type": "payment_intent.succeeded", "data": {"object": "x"}},
        {"id": "evt_5", "type": "charge.refunded", "data": {"object": {"id": "ch_1"}}},
        {"id": "evt_6", "type": "charge.refunded", "data": {"object": {"payment_intent": None}}},
        {"id": "evt_7", "type": "charge.dispute.created", "data": {"object": {"amount": "x"}}},
        {
            "id": "evt_8",
            "type": "payment_intent.succeeded",
            "data": {"object": {"id": "pi_x", "status": "succeeded", "amount": "lots"}},
        },
        [1, 2, 3],
        "just a string",
    ],
)
def test_stripe_webhook_no_signed_payload_causes_a_500(client, fake, body):
    payload = json.dumps(body)

    response = client.post(
        WEBHOOK, payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=signed(payload)
    )

    assert response.status_code in (200, 400)


def test_stripe_webhook_for_another_amount_alerts_and_does_not_pay(client, fake, item, manager):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)
    fake.intents[reference]["amount"] = 1  # not what the order costs

    answer = post_event(client, fake.intent_event("payment_intent.succeeded", reference))

    assert answer.json()["outcome"] == "mismatch"
    assert Order.objects.get().status == status.PENDING_PAYMENT
    assert "does not match order" in OutboxEmail.objects.get(to=manager.email).subject


def test_stripe_webhook_canceled_intent_cancels_the_waiting_order(client, fake, item):
    order, _ = placed(client, item, quantity=3)
    reference = fake.only_intent()["id"]
    fake.set_status(reference, "canceled")

    post_event(client, fake.intent_event("payment_intent.canceled", reference))

    order.refresh_from_db()
    assert order.status == status.CANCELLED
    assert StockRecord.objects.get(product=item).num_allocated == 0
    assert Basket.objects.get().status == Basket.OPEN


def test_stripe_webhook_payment_failed_is_noted_on_the_order(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.decline(reference, "Your card was declined.")

    post_event(client, fake.intent_event("payment_intent.payment_failed", reference))

    assert "A payment attempt failed: Your card was declined." in order.notes.get().message


def paid_by_stripe(client, fake, item, quantity=2):
    order, _ = placed(client, item, quantity=quantity)
    (reference,) = [
        ref for ref, i in fake.intents.items() if i["metadata"]["order_number"] == order.number
    ]
    fake.succeed(reference)
    client.get(RETURN)
    order.refresh_from_db()
    return order, reference


def test_stripe_dashboard_refund_goes_through_stripe_and_is_recorded(client, fake, item):
    order, reference = paid_by_stripe(client, fake, item)

    services.refund_order(order, amount=Decimal("10.00"), reason="one jar damaged")

    (refund,) = fake.refunds
    assert (refund["payment_intent"], refund["amount"]) == (reference, 1000)
    event = order.payment_events.get(event_type__name="Refunded")
    assert (event.amount, event.reference) == (Decimal("10.00"), refund["id"])
    refund_call = next(call for call in fake.calls if call[1] == "/v1/refunds")
    assert refund_call[3].startswith(f"refund-{order.number}-1-")


def test_stripe_refund_webhook_for_our_own_refund_records_nothing_twice(
    client, fake, item, manager
):
    order, reference = paid_by_stripe(client, fake, item)
    services.refund_order(order, amount=Decimal("10.00"))

    answer = post_event(client, fake.event("charge.refunded", fake.charge(reference)))

    assert answer.json()["outcome"] == "already recorded"
    assert order.payment_events.filter(event_type__name="Refunded").count() == 1
    assert not OutboxEmail.objects.filter(to=manager.email).exists()


def test_stripe_refund_made_in_stripes_dashboard_is_recorded_and_managers_told(
    client, fake, item, manager
):
    order, reference = paid_by_stripe(client, fake, item)
    fake.intents[reference]["amount_refunded"] = fake.intents[reference]["amount"]  # in full

    post_event(client, fake.event("charge.refunded", fake.charge(reference)))

    order.refresh_from_db()
    assert order.status == status.REFUNDED
    assert services.refundable(order) == 0
    assert StockRecord.objects.get(product=item).num_allocated == 0  # never dispatched
    assert (
        "Refund of £79.98 made outside the store"
        in OutboxEmail.objects.get(to=manager.email).subject
    )


def test_stripe_refund_event_before_the_payment_event_applies_the_payment_first(client, fake, item):
    order, _ = placed(client, item)
    reference = fake.only_intent()["id"]
    fake.succeed(reference)
    fake.intents[reference]["amount_refunded"] = 1000

    post_event(client, fake.event("charge.refunded", fake.charge(reference)))
    post_event(client, fake.intent_event("payment_intent.succeeded", reference))

    order.refresh_from_db()
    assert order.payment_events.filter(event_type__name="Paid").count() == 1
    assert order.total_incl_tax - services.refundable(order) == Decimal("10.00")
    assert OutboxEmail.objects.filter(to="guest@example.com").count() == 1


def test_stripe_failed_refund_call_refunds_nothing(client, fake, item):
    order, _ = paid_by_stripe(client, fake, item)
    fake.fail_next.extend([("POST", "/v1/refunds")] * 3)

    with pytest.raises(InvalidOrderStatus, match="could not make the refund"):
        services.refund_order(order)

    order.refresh_from_db()
    assert order.status == status.PAID and services.refundable(order) == order.total_incl_tax


def test_stripe_dispute_alerts_managers_and_notes_the_order(client, fake, item, manager):
    order, reference = paid_by_stripe(client, fake, item)
    dispute = {
        "id": "dp_1",
        "object": "dispute",
        "amount": 8497,
        "payment_intent": reference,
        "reason": "product_not_received",
        "evidence_details": {"due_by": 1800000000},
    }

    post_event(client, fake.event("charge.dispute.created", dispute))

    note = order.notes.get(message__contains="dispute")
    assert "dispute for £84.97: product not received" in note.message
    alert = OutboxEmail.objects.get(to=manager.email)
    assert f"Dispute opened for order #{order.number}" in alert.subject
    assert "Evidence is due by 15 Jan 2027" in alert.body_text


def test_stripe_stale_job_cancels_the_intent_first_and_skips_processing(
    client, fake, item, settings
):
    settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES = 60
    abandoned, _ = placed(client, item)
    in_flight, _ = placed(client.__class__(), item)
    first, second = fake.intents
    fake.set_status(second, "processing")
    Order.objects.update(date_placed=timezone.now() - timedelta(hours=2))

    call_command("cancel_stale_orders", verbosity=0)

    abandoned.refresh_from_db()
    in_flight.refresh_from_db()
    assert fake.intents[first]["status"] == "canceled"
    assert abandoned.status == status.CANCELLED
    assert in_flight.status == status.PENDING_PAYMENT


def test_stripe_reconciliation_lists_both_kinds_and_fixes_the_first(client, fake, item):
    missed, _ = placed(client, item)  # paid at Stripe, but neither return nor webhook came
    fake.succeed(fake.only_intent()["id"])
    paid_elsewhere, reference = paid_by_stripe(client.__class__(), fake, item)
    fake.set_status(reference, "canceled")  # Stripe no longer shows it paid
    start, end = timezone.now() - timedelta(days=1), timezone.now() + timedelta(minutes=1)

    report = reconcile(start, end)
    assert [order for _, order in report.paid_without_order] == [missed]
    assert [order for order, _ in report.orders_without_payment] == [paid_elsewhere]

    fixed = reconcile(start, end, fix=True)
    assert fixed.fixed == [missed.number]
    missed.refresh_from_db()
    assert missed.status == status.PAID


def test_stripe_reconciliation_command_prints_what_to_look_at(client, fake, item, capsys):
    placed(client, item)
    fake.succeed(fake.only_intent()["id"])

    call_command("reconcile_payments", "--fix")

    out = capsys.readouterr().out
    assert "FIXED" in out and "0 to look at, 1 fixed." in out


def test_stripe_half_configured_is_refused_by_the_system_check(settings):
    from shop.gateways.checks import stripe_keys_come_together

    settings.SHOP_PAYMENT_GATEWAY = "shop.gateways.stripe_gateway.StripeGateway"
    settings.STRIPE_SECRET_KEY, settings.STRIPE_PUBLISHABLE_KEY = "sk_live_x", "pk_live_x"
    settings.STRIPE_WEBHOOK_SECRET = ""

    (error,) = stripe_keys_come_together()

    assert error.id == "gateways.E001" and "STRIPE_WEBHOOK_SECRET" in error.msg


def test_stripe_fresh_intent_after_a_cancelled_one_is_never_a_replay(client, fake, item):
    from shop.payments import intents

    order, _ = placed(client, item)
    first = fake.only_intent()["id"]
    fake.set_status(first, "canceled")

    intent = intents.start(order)

    assert intent.reference != first and len(fake.intents) == 2
    assert order.sources.get().reference == intent.reference


def test_stripe_changed_basket_cancels_an_earlier_intent_waiting_at_the_bank(client, fake, item):
    first_order, _ = placed(client, item)
    first = fake.only_intent()["id"]
    fake.set_status(first, "requires_action")  # the bank's page, still open in a tab
    client.get(reverse("checkout:preview"))  # the shopper comes back instead
    steps.add_to_basket(client, item)

    place(client)

    assert fake.intents[first]["status"] == "canceled"  # it can no longer be paid
    first_order.refresh_from_db()
    assert first_order.status == status.CANCELLED
    assert len(fake.intents) == 2


def test_stripe_retry_of_an_intent_waiting_at_the_bank_hands_back_its_secret(client, fake, item):
    placed(client, item)
    intent = fake.only_intent()
    fake.set_status(intent["id"], "requires_action")
    client.get(reverse("checkout:preview"))

    answer = place(client).json()

    assert answer["client_secret"] == intent["client_secret"]


def test_stripe_script_is_answered_in_json_when_the_payment_already_went_through(
    client, fake, item
):
    order, _ = placed(client, item)
    client.get(reverse("checkout:preview"))  # back at the review page...
    fake.succeed(fake.only_intent()["id"])  # ...while another tab finished paying

    answer = place(client).json()

    assert answer == {"redirect": reverse("checkout:thank-you")}
    order.refresh_from_db()
    assert order.status == status.PAID


def test_stripe_customer_deleted_for_an_erasure_and_again_is_harmless(fake):
    from shop.gateways import get_gateway

    gateway = get_gateway()
    reference = gateway.create_customer(email="sam@example.com", idempotency_key="erase-1")
    assert reference in fake.customers

    gateway.delete_customer(reference)
    gateway.delete_customer(reference)  # a retried erasure: already gone, no error

    assert reference not in fake.customers
