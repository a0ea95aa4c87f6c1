"""Renewals: each due date becomes one order through the checkout's order code,
charged to the saved card without the customer; failures, authentication and
stock handled as the customer would want."""

import io
from datetime import date
from decimal import Decimal as D

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from oscar.core.loading import get_model

from shop.gateways.models import TestIntent
from shop.order import status as order_status
from shop.outbox.models import OutboxEmail
from shop.subscriptions import renewals
from shop.subscriptions.models import Renewal, Subscription, SubscriptionOffer
from tests import factories
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
Status = Subscription.Status
LONDON_MORNING = "06:00"  # UTC; 06:00 or 07:00 in London


@pytest.fixture
def world():
    return helpers.world()


def subscribed(client, world, *, item=None, card=helpers.CARD_SUCCEEDS, weeks=4, quantity=1):
    with time_machine.travel(helpers.at("2027-03-01 10:00"), tick=False):
        response = helpers.subscribe(
            client, world["sam"], item or world["capsules"], weeks=weeks, card=card,
            quantity=quantity,
        )  # fmt: skip
    assert response.status_code == 302
    return helpers.subscription_of(world["sam"])


def run_on(day: str, time: str = LONDON_MORNING) -> renewals.Report:
    now = helpers.at(f"{day} {time}")
    with time_machine.travel(now, tick=False):
        return renewals.run(now=now)


def renewal_orders(subscription):
    return Order.objects.filter(user=subscription.user).exclude(pk=subscription.origin_order_id)


def emails_to(subscription, containing: str) -> list[OutboxEmail]:
    return [
        e for e in OutboxEmail.objects.filter(to=subscription.user.email) if containing in e.subject
    ]


def test_subscription_renews_on_its_date_with_one_paid_order_at_the_subscriber_price(client, world):
    subscription = subscribed(client, world)
    assert subscription.next_date == date(2027, 3, 29)

    run_on("2027-03-28")
    assert not renewal_orders(subscription).exists()  # not yet due

    report = run_on("2027-03-29")

    order = renewal_orders(subscription).get()
    assert report.count("paid") == 1
    assert order.status == order_status.PAID
    assert order.total_incl_tax == D("35.99")  # 39.99 less 10%; free delivery over £25
    assert order.lines.get().unit_price_incl_tax == D("35.99")
    assert order.sources.get().label == "Visa ending 4242"
    subscription.refresh_from_db()
    assert subscription.next_date == date(2027, 4, 26)
    assert subscription.renewals.get().outcome == Renewal.Outcome.PAID
    assert [e.subject for e in OutboxEmail.objects.filter(to="sam@example.com")].count(
        f"Your kēpos order {order.number}"
    ) <= 1


def test_subscription_renewal_run_twice_on_the_day_makes_one_order(client, world):
    subscription = subscribed(client, world)

    run_on("2027-03-29", "00:05")
    run_on("2027-03-29", "00:10")
    output = io.StringIO()
    call_command("renew_subscriptions", stdout=output)  # today (2026): not due
    assert output.getvalue().startswith("Subscriptions: ")

    assert renewal_orders(subscription).count() == 1
    assert (
        TestIntent.objects.filter(order_number=renewal_orders(subscription).get().number).count()
        == 1
    )


def test_subscription_renewal_charges_delivery_below_the_free_threshold(client, world):
    kefir = world["kefir"].children.get(title__endswith="500 ml")
    subscription = subscribed(client, world, item=kefir, weeks=2, quantity=2)

    run_on(subscription.next_date.isoformat())

    order = renewal_orders(subscription).get()
    assert order.total_excl_tax >= 0
    assert order.lines.get().unit_price_incl_tax == D("4.04")  # 4.49 less 10%
    assert order.shipping_incl_tax > 0  # 2 × 4.04 is under the £25 threshold
    assert order.total_incl_tax == D("8.08") + order.shipping_incl_tax


def test_subscription_renewal_splits_vat_at_the_products_rate(client, world):
    subscription = subscribed(client, world)

    run_on(subscription.next_date.isoformat())

    line = renewal_orders(subscription).get().lines.get()
    assert line.unit_price_incl_tax == D("35.99")
    assert line.unit_price_excl_tax == D("29.99")  # 20% VAT inside 35.99


def test_subscription_renewal_keeps_the_agreed_saving_when_the_offer_changes(client, world):
    subscription = subscribed(client, world)
    SubscriptionOffer.objects.filter(product=world["capsules"]).update(saving_percent=5)

    run_on(subscription.next_date.isoformat())

    assert renewal_orders(subscription).get().lines.get().unit_price_incl_tax == D("35.99")


def test_subscription_renewal_order_starts_no_second_subscription(client, world):
    subscription = subscribed(client, world)

    run_on(subscription.next_date.isoformat())

    assert Subscription.objects.count() == 1
    assert renewal_orders(subscription).count() == 1


def test_subscription_renewal_on_a_bank_holiday_is_dispatched_the_next_working_day(client, world):
    with time_machine.travel(helpers.at("2027-02-26 10:00"), tick=False):
        helpers.subscribe(client, world["sam"], world["capsules"], weeks=4)
    subscription = helpers.subscription_of(world["sam"])
    assert subscription.next_date == date(2027, 3, 26)  # Good Friday 2027

    run_on("2027-03-26")

    order = renewal_orders(subscription).get()
    assert order.dispatch_on == date(2027, 3, 30)  # not Friday, the weekend or Easter Monday


def test_subscription_renewal_out_of_stock_skips_that_delivery_and_tells_the_customer(
    client, world
):
    subscription = subscribed(client, world)
    helpers.set_stock(world["capsules"], 0)

    report = run_on("2027-03-29")

    assert report.count("out of stock") == 1
    assert not renewal_orders(subscription).exists()
    subscription.refresh_from_db()
    assert subscription.status == Status.ACTIVE
    assert subscription.next_date == date(2027, 4, 26)
    assert subscription.renewals.get().outcome == Renewal.Outcome.OUT_OF_STOCK
    (email,) = emails_to(subscription, "out of stock")
    assert "Nothing has been charged" in email.body_text
    assert "Monday 26 April 2027" in email.body_text


def test_subscription_payment_failure_retries_after_1_3_and_5_days_then_pauses(client, world):
    subscription = subscribed(client, world, card=helpers.CARD_FAILS_LATER)

    run_on("2027-03-29")
    subscription.refresh_from_db()
    assert subscription.status == Status.FAILING
    (email,) = emails_to(subscription, "couldn't take payment")
    assert f"/accounts/subscriptions/{subscription.pk}/card/" in email.body_text
    assert "Tuesday 30 March" in email.body_text  # the first retry

    attempts = {"2027-03-29": 1}
    for day, expected in [("2027-03-30", 2), ("2027-03-31", 2), ("2027-04-01", 3),
                          ("2027-04-02", 3), ("2027-04-03", 4)]:  # fmt: skip
        run_on(day, "07:00")
        subscription.refresh_from_db()
        attempts[day] = subscription.failed_attempts
        assert subscription.failed_attempts == expected, day

    assert subscription.status == Status.PAUSED
    assert subscription.retry_at is None
    assert len(emails_to(subscription, "is paused")) == 1
    assert renewal_orders(subscription).count() == 4  # each attempt's order, cancelled
    assert set(renewal_orders(subscription).values_list("status", flat=True)) == {
        order_status.CANCELLED
    }
    assert subscription.next_date == date(2027, 3, 29)  # that delivery was never made


def test_subscription_failing_payment_succeeds_with_a_new_card_at_the_next_run(client, world):
    subscription = subscribed(client, world, card=helpers.CARD_FAILS_LATER)
    run_on("2027-03-29")
    with time_machine.travel(helpers.at("2027-03-29 09:00"), tick=False):
        factories.sign_in(client, world["sam"])
        client.post(
            reverse("subscriptions:card", args=[subscription.pk]),
            {"use": "new", **helpers.CARD_SUCCEEDS},
        )

    run_on("2027-03-29", "09:10")

    subscription.refresh_from_db()
    assert subscription.status == Status.ACTIVE
    assert subscription.card.last4 == "4242"
    assert renewal_orders(subscription).filter(status=order_status.PAID).count() == 1
    assert subscription.next_date == date(2027, 4, 26)


def test_subscription_renewal_needing_authentication_emails_a_link_to_pay_with_the_customer(
    client, world
):
    subscription = subscribed(client, world, card=helpers.CARD_AUTHENTICATES)

    report = run_on("2027-03-29")

    assert report.count("needs authentication") == 1
    subscription.refresh_from_db()
    assert subscription.status == Status.FAILING
    assert subscription.renewals.get().outcome == Renewal.Outcome.NEEDS_AUTHENTICATION
    (email,) = emails_to(subscription, "confirm the payment")
    pay_path = reverse("subscriptions:pay", args=[subscription.pk])
    assert pay_path in email.body_text
    assert "£35.99" in email.body_text

    with time_machine.travel(helpers.at("2027-03-29 12:00"), tick=False):
        factories.sign_in(client, world["sam"])
        to_bank = client.post(pay_path)
        assert "/payments/test/" in to_bank["Location"]
        back = client.post(to_bank["Location"], {"answer": "approve"})
        done = client.get(back["Location"], follow=True)

    assert "Thank you: paid" in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.ACTIVE
    assert subscription.next_date == date(2027, 4, 26)
    assert renewal_orders(subscription).filter(status=order_status.PAID).count() == 1


def test_subscription_renewal_with_the_provider_down_is_charged_once_at_a_later_run(
    client, world, monkeypatch
):
    subscription = subscribed(client, world)
    from shop.gateways.base import PaymentFailed
    from shop.gateways.testing import TestGateway

    real = TestGateway.charge_saved

    def unreachable(self, **kwargs):
        real(self, **kwargs)  # the charge went through, but the answer was lost
        raise PaymentFailed("timed out")

    monkeypatch.setattr(TestGateway, "charge_saved", unreachable)
    report = run_on("2027-03-29", "06:00")
    assert report.count("provider error") == 1
    monkeypatch.setattr(TestGateway, "charge_saved", real)

    run_on("2027-03-29", "06:05")  # within the lease: left alone
    assert renewal_orders(subscription).get().status == order_status.PENDING_PAYMENT
    run_on("2027-03-29", "06:20")  # the lease is over: the same charge, read back

    order = renewal_orders(subscription).get()
    assert order.status == order_status.PAID
    assert TestIntent.objects.filter(order_number=order.number).count() == 1


def test_subscription_without_a_card_fails_with_a_message_to_add_one(client, world):
    subscription = subscribed(client, world)
    Subscription.objects.filter(pk=subscription.pk).update(card=None)

    run_on("2027-03-29")

    subscription.refresh_from_db()
    assert subscription.status == Status.FAILING
    (email,) = emails_to(subscription, "couldn't take payment")
    assert "no card on your subscription" in email.body_text
    assert not renewal_orders(subscription).exists()


def test_paused_and_cancelled_subscriptions_are_not_renewed(client, world):
    subscription = subscribed(client, world)
    Subscription.objects.filter(pk=subscription.pk).update(status=Status.PAUSED)
    run_on("2027-03-29")
    Subscription.objects.filter(pk=subscription.pk).update(status=Status.CANCELLED)
    run_on("2027-03-30")

    assert not renewal_orders(subscription).exists()


def test_subscription_renewal_survives_its_product_option_being_deleted_in_the_admin(client, world):
    subscription = subscribed(client, world)
    get_model("catalogue", "Option").objects.filter(code="deliver-every").delete()

    run_on("2027-03-29")

    order = renewal_orders(subscription).get()
    assert order.status == order_status.PAID
    assert order.lines.get().unit_price_incl_tax == D("35.99")


def test_failing_subscription_without_a_retry_time_is_left_for_a_person(client, world):
    subscription = subscribed(client, world)
    Subscription.objects.filter(pk=subscription.pk).update(status=Status.FAILING, retry_at=None)

    report = run_on("2027-03-29")

    assert report.done.get("error") is None
    assert not renewal_orders(subscription).exists()


def test_subscription_order_confirmations_say_how_often_and_which_delivery(client, world):
    subscription = subscribed(client, world)
    run_on("2027-03-29")
    renewal = renewal_orders(subscription).get()

    first = OutboxEmail.objects.get(subject__contains=subscription.origin_order.number)
    later = OutboxEmail.objects.get(subject__contains=renewal.number)

    assert "kēpos daily gut health, every 4 weeks (subscribe & save) x 1" in first.body_text
    assert "kēpos daily gut health (subscription delivery, every 4 weeks) x 1" in later.body_text
    assert "every 4 weeks (subscribe &amp; save)" in first.body_html


def test_subscription_renewal_is_sold_on_the_terms_accepted_when_subscribing(client, world):
    subscription = subscribed(client, world)
    origin = Order.objects.get(pk=subscription.origin_order_id)
    assert origin.terms_accepted is not None
    assert origin.subscription_terms_accepted.page.kind == "subscriptions"

    run_on("2027-03-29")

    renewal = renewal_orders(subscription).get()
    assert renewal.terms_accepted == origin.terms_accepted
    assert renewal.subscription_terms_accepted == origin.subscription_terms_accepted
