"""Subscribing: the product page's choice, the basket line, and checkout (an
account, the terms before the contract, the card saved for renewals)."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.urls import reverse

from shop.gateways.models import TestIntent, TestPaymentMethod
from shop.outbox.models import OutboxEmail
from shop.payments.models import SavedCard
from shop.subscriptions.models import Subscription
from shop.subscriptions.schedule import uk_today
from tests import checkout_steps, factories
from tests.pages import text_of
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return helpers.world()


def test_subscribing_at_checkout_starts_a_subscription_with_the_saved_card(client, world):
    sam, capsules = world["sam"], world["capsules"]

    response = helpers.subscribe(client, sam, capsules, weeks=8)

    assert response.status_code == 302, text_of(response)
    assert response["Location"] == reverse("checkout:thank-you")
    subscription = helpers.subscription_of(sam)
    assert (subscription.product, subscription.weeks, subscription.quantity) == (capsules, 8, 1)
    assert subscription.saving_percent == 10
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.next_date == uk_today() + timedelta(weeks=8)
    assert subscription.card.label == "Visa ending 4242"
    assert subscription.address.postcode == "BS1 4XY"
    assert subscription.origin_order.total_incl_tax == D("35.99")  # 39.99 less 10%, free delivery
    method = TestPaymentMethod.objects.get(token=subscription.card.token)
    assert method.outcome == "succeeds"


def test_product_page_offers_one_off_or_subscribe_and_save_with_the_price_per_delivery(
    client, world
):
    page = text_of(client.get(world["capsules"].get_absolute_url()))

    assert "One-off purchase" in page
    assert "Subscribe & save 10%: £35.99 per delivery" in page
    assert "Deliver every" in page
    assert "4 weeks" in page and "8 weeks" in page


def test_product_without_a_subscription_offer_shows_no_subscribe_choice(client, world):
    plain = factories.product("Kefir starter jar", "12.00")

    page = text_of(client.get(plain.get_absolute_url()))

    assert "Subscribe & save" not in page


def test_basket_mixes_a_subscription_line_with_its_frequency_and_a_one_off_line(client, world):
    capsules = world["capsules"]
    url = reverse("basket:add", kwargs={"pk": capsules.pk})
    client.post(url, {"quantity": 1, "purchase": "subscribe", "deliver_every": 8})
    client.post(url, {"quantity": 2, "purchase": "once"})

    page = text_of(client.get(reverse("basket:summary")))

    assert "kēpos daily gut health, every 8 weeks (subscribe & save)" in page
    assert "£35.99" in page  # the subscription line
    assert "£79.98" in page  # two one-off at 39.99


def test_subscribing_to_a_frequency_not_offered_is_refused_with_the_choices(client, world):
    url = reverse("basket:add", kwargs={"pk": world["capsules"].pk})

    response = client.post(
        url, {"quantity": 1, "purchase": "subscribe", "deliver_every": 3}, follow=True
    )

    assert "Select a valid choice" in text_of(response) or "every 4 weeks" in text_of(response)
    assert client.get(reverse("basket:summary")).context["basket"].num_items == 0


def test_subscribing_to_a_size_uses_its_parents_offer(client, world):
    litre = world["kefir"].children.get(title__endswith="1 litre")

    response = helpers.subscribe(client, world["sam"], litre, weeks=2, quantity=3)

    assert response.status_code == 302
    subscription = helpers.subscription_of(world["sam"])
    assert (subscription.product, subscription.weeks, subscription.quantity) == (litre, 2, 3)
    line = subscription.origin_order.lines.get()
    assert line.unit_price_incl_tax == D("7.19")  # 7.99 less 10%, 0% VAT
    assert line.unit_price_excl_tax == D("7.19")


def test_guest_checkout_is_refused_for_a_subscription_basket(client, world):
    url = reverse("basket:add", kwargs={"pk": world["capsules"].pk})
    client.post(url, {"quantity": 1, "purchase": "subscribe", "deliver_every": 4})

    response = checkout_steps.start_as_guest(client, "guest@example.com")

    assert response.status_code == 200
    assert "Subscriptions need an account" in text_of(response)


def test_guest_who_adds_a_subscription_later_cannot_pay_without_an_account(client, world):
    capsules = world["capsules"]
    checkout_steps.guest_checkout(client, [(capsules, 1)])
    url = reverse("basket:add", kwargs={"pk": capsules.pk})
    client.post(url, {"quantity": 1, "purchase": "subscribe", "deliver_every": 4})

    response = client.get(reverse("checkout:preview"))
    paying = checkout_steps.place_order(client, token="x")

    assert response["Location"] == reverse("checkout:index")
    assert paying["Location"] == reverse("checkout:index")
    assert not Subscription.objects.exists()


def test_subscription_terms_are_shown_before_paying(client, world):
    factories.sign_in(client, world["sam"])
    url = reverse("basket:add", kwargs={"pk": world["capsules"].pk})
    client.post(url, {"quantity": 2, "purchase": "subscribe", "deliver_every": 8})
    checkout_steps.give_address(client)
    checkout_steps.choose_method(client)

    page = text_of(client.get(reverse("checkout:preview")))

    next_charge = uk_today() + timedelta(weeks=8)
    assert "2 × kēpos daily gut health" in page
    assert "delivered every 8 weeks for £71.98 per delivery, plus delivery: FREE" in page
    assert (
        f"Next delivery charged on {next_charge:%A} {next_charge.day} {next_charge:%B %Y}" in page
    )
    assert "cancel at any time in your account" in page
    assert "within 14 days of receiving your first delivery" in page
    assert "I agree to these subscription terms" in page


def test_subscription_order_without_accepting_the_terms_charges_nothing(client, world):
    response = helpers.subscribe(client, world["sam"], world["capsules"], accept=False)

    assert response.status_code == 200
    assert "accept the subscription terms" in text_of(response)
    assert not Subscription.objects.exists()
    assert not TestIntent.objects.exists()


def test_one_off_order_saves_no_card_and_starts_no_subscription(client, world):
    factories.sign_in(client, world["sam"])
    checkout_steps.add_to_basket(client, world["capsules"])
    checkout_steps.give_address(client)
    checkout_steps.choose_method(client)
    response = checkout_steps.place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    assert not Subscription.objects.exists()
    assert not SavedCard.objects.exists()
    assert not TestPaymentMethod.objects.exists()


def test_subscription_started_email_states_the_terms_on_a_durable_medium(client, world):
    helpers.subscribe(client, world["sam"], world["capsules"], weeks=4)
    subscription = helpers.subscription_of(world["sam"])

    email = OutboxEmail.objects.get(subject__startswith="Your kēpos subscription")

    body = email.body_text
    assert email.to == "sam@example.com"
    assert "1 × kēpos daily gut health" in body
    assert "every 4 weeks, 10% off" in body
    assert "£35.99" in body
    assert f"{subscription.next_date:%B %Y}" in body
    assert "Visa ending 4242" in body
    assert "cancel online at any time" in body
    assert f"/accounts/subscriptions/{subscription.pk}/" in body


def test_subscription_card_that_fails_later_pays_now_and_is_saved(client, world):
    response = helpers.subscribe(
        client, world["sam"], world["capsules"], card=helpers.CARD_FAILS_LATER
    )

    assert response["Location"] == reverse("checkout:thank-you")
    subscription = helpers.subscription_of(world["sam"])
    assert subscription.card.last4 == "0341"
    assert TestPaymentMethod.objects.get(token=subscription.card.token).outcome == "fails"


def test_subscribing_with_a_card_needing_authentication_saves_it_after_the_bank_page(client, world):
    response = helpers.subscribe(
        client, world["sam"], world["capsules"], card=helpers.CARD_AUTHENTICATES
    )

    assert response["Location"] == reverse("checkout:thank-you")
    subscription = helpers.subscription_of(world["sam"])
    assert subscription.card.last4 == "3184"
    assert TestPaymentMethod.objects.get(token=subscription.card.token).outcome == "authenticates"


def test_declined_card_at_subscription_checkout_starts_nothing(client, world):
    declined = {**helpers.CARD_SUCCEEDS, "number": "4000 0000 0000 0002"}

    response = helpers.subscribe(client, world["sam"], world["capsules"], card=declined)

    assert response.status_code == 200
    assert "declined" in text_of(response)
    assert not Subscription.objects.exists()
    assert not SavedCard.objects.exists()
