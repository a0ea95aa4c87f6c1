"""Subscriptions with Stripe, offline against the local fake: the card saved to a
customer at checkout, and renewals charged off-session."""

import re
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from oscar.core.loading import get_model

from shop.outbox.models import OutboxEmail
from shop.subscriptions import renewals
from shop.subscriptions.models import Renewal, Subscription
from tests import checkout_steps, factories
from tests.payments.fake_stripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET, FakeStripe
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Status = Subscription.Status


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
def world():
    return helpers.world()


def subscribe_with_stripe(client, fake, world, *, later="succeeds"):
    """Subscribe on 1 March 2027; the browser confirms the card with Stripe."""
    with time_machine.travel(helpers.at("2027-03-01 10:00"), tick=False):
        factories.sign_in(client, world["sam"])
        client.post(
            reverse("basket:add", kwargs={"pk": world["capsules"].pk}),
            {"quantity": 1, "purchase": "subscribe", "deliver_every": 4},
        )
        checkout_steps.give_address(client)
        checkout_steps.choose_method(client)
        answer = client.post(
            reverse("checkout:preview"),
            {
                "action": "place_order",
                "basket_token": checkout_steps.basket_token(client),
                "accept_subscription_terms": "on",
            },  # fmt: skip
            HTTP_ACCEPT="application/json",
        ).json()
        intent = fake.only_intent()
        fake.succeed(intent["id"], later=later)
        client.get(answer["return_url"])
    return intent, helpers.subscription_of(world["sam"])


def run_on(day: str):
    now = helpers.at(f"{day} 06:00")
    with time_machine.travel(now, tick=False):
        return renewals.run(now=now)


def test_stripe_subscription_checkout_saves_the_card_to_a_customer(client, fake, world):
    intent, subscription = subscribe_with_stripe(client, fake, world)

    (customer,) = fake.customers.values()
    assert customer["email"] == "sam@example.com"
    assert intent["customer"] == customer["id"]
    assert intent["setup_future_usage"] == "off_session"
    assert subscription.card.token == intent["payment_method"]
    assert subscription.card.customer_reference == customer["id"]
    assert subscription.origin_order.status == "Paid"


def test_stripe_subscription_renewal_is_charged_off_session(client, fake, world):
    _, subscription = subscribe_with_stripe(client, fake, world)

    run_on("2027-03-29")

    order = Order.objects.exclude(pk=subscription.origin_order_id).get()
    assert order.status == "Paid"
    charge = [c for c in fake.calls if c[:2] == ("POST", "/v1/payment_intents")][-1]
    params, key = charge[2], charge[3]
    assert (params["off_session"], params["confirm"]) == ("true", "true")
    assert params["customer"] == subscription.card.customer_reference
    assert params["payment_method"] == subscription.card.token
    assert params["amount"] == "3599" and params["metadata"] == {"order_number": order.number}
    assert key.startswith(f"saved-card-{order.number}-")


def test_stripe_subscription_renewal_declined_retries_later(client, fake, world):
    _, subscription = subscribe_with_stripe(client, fake, world, later="declines")

    report = run_on("2027-03-29")

    assert report.count("failed") == 1
    subscription.refresh_from_db()
    assert subscription.status == Status.FAILING
    email = OutboxEmail.objects.get(subject__contains="couldn't take payment")
    assert "Your card was declined." in email.body_text


def test_stripe_subscription_renewal_needing_authentication_sends_the_customer_to_the_bank(
    client, fake, world
):
    _, subscription = subscribe_with_stripe(client, fake, world, later="authenticates")
    run_on("2027-03-29")
    subscription.refresh_from_db()
    assert subscription.renewals.get().outcome == Renewal.Outcome.NEEDS_AUTHENTICATION

    with time_machine.travel(helpers.at("2027-03-29 12:00"), tick=False):
        factories.sign_in(client, world["sam"])
        to_bank = client.post(reverse("subscriptions:pay", args=[subscription.pk]))

    assert to_bank["Location"].startswith("https://hooks.stripe.com/3ds/")
    charge = [c for c in fake.calls if c[:2] == ("POST", "/v1/payment_intents")][-1][2]
    assert charge["return_url"].endswith(f"/accounts/subscriptions/{subscription.pk}/pay/return/")
    assert "off_session" not in charge
    assert subscription.next_date == date(2027, 3, 29)

    waiting = [i for i in fake.intents.values() if i["status"] == "requires_action"][0]
    fake.set_status(waiting["id"], "succeeded")
    with time_machine.travel(helpers.at("2027-03-29 12:05"), tick=False):
        client.get(reverse("subscriptions:pay-return", args=[subscription.pk]))

    subscription.refresh_from_db()
    assert subscription.status == Status.ACTIVE
    assert subscription.next_date == date(2027, 4, 26)


def test_stripe_subscriber_gives_a_new_card_on_stripes_page(client, fake, world):
    _, subscription = subscribe_with_stripe(client, fake, world, later="declines")
    run_on("2027-03-29")
    url = reverse("subscriptions:card", args=[subscription.pk])

    with time_machine.travel(helpers.at("2027-03-29 12:00"), tick=False):
        factories.sign_in(client, world["sam"])
        page = client.get(url)
        to_stripe = client.post(url, {"use": "provider"})
        (session,) = fake.sessions.values()
        back = client.get(fake.complete_setup(session["id"]))

    assert "form-action 'self' https://checkout.stripe.com" in page["Content-Security-Policy"]
    assert to_stripe["Location"] == session["url"]
    assert (session["mode"], session["customer"]) == ("setup", subscription.card.customer_reference)
    assert back["Location"] == reverse("subscriptions:detail", args=[subscription.pk])
    subscription.refresh_from_db()
    assert subscription.card.label == "Mastercard ending 4444"
    assert subscription.retry_at == helpers.at("2027-03-29 12:00")  # tried at the next run

    run_on("2027-03-29")  # the 12:00 retry is due by the next run
    with time_machine.travel(helpers.at("2027-03-29 12:10"), tick=False):
        renewals.run(now=helpers.at("2027-03-29 12:10"))
    subscription.refresh_from_db()
    assert subscription.status == Status.ACTIVE


def test_stripe_card_setup_of_another_customer_is_refused(client, fake, world):
    _, subscription = subscribe_with_stripe(client, fake, world)
    stranger = fake._session({"mode": "setup", "customer": "cus_someone_else",
                              "success_url": "http://x/?setup={CHECKOUT_SESSION_ID}"})  # fmt: skip
    fake.complete_setup(stranger["id"])

    factories.sign_in(client, world["sam"])
    response = client.get(
        reverse("subscriptions:card-return", args=[subscription.pk]), {"setup": stranger["id"]}
    )

    assert response["Location"] == reverse("subscriptions:card", args=[subscription.pk])
    subscription.refresh_from_db()
    assert subscription.card.last4 == "4242"
