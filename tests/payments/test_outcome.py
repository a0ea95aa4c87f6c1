"""A payment's outcome, with the test gateway: the bank's page, the return page,
exactly-once completion, and orders whose payment never arrived."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from shop import roles
from shop.gateways import base
from shop.gateways.models import TestIntent
from shop.gateways.testing import TestGateway
from shop.order import status
from shop.outbox.models import OutboxEmail
from shop.payments import completion
from shop.payments.intents import IntentMismatch
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

NEEDS_BANK = {**steps.GOOD_CARD, "number": "4000 0027 6000 3184"}


@pytest.fixture
def item():
    factories.delivery_methods()
    return factories.product("kēpos 30-day", "39.99", num_in_stock=10)


def waiting_order(client, item, card=steps.DECLINED_CARD, quantity=1):
    """A guest's order written and waiting for payment (the card was declined)."""
    steps.place_order(client, card=card, token=steps.guest_checkout(client, [(item, quantity)]))
    return Order.objects.latest("pk")


def intent_of(order) -> TestIntent:
    return TestIntent.objects.get(reference=order.sources.get().reference)


def test_a_card_needing_the_bank_goes_to_its_page_then_pays_once(client, item):
    response = steps.place_order(
        client, card=NEEDS_BANK, token=steps.guest_checkout(client, [(item, 1)])
    )
    order = Order.objects.get()
    bank_page = response["Location"]
    assert bank_page == reverse("test-payments:authenticate", args=[intent_of(order).reference])
    assert order.status == status.PENDING_PAYMENT
    assert "Your bank asks you to confirm this payment" in text_of(client.get(bank_page))

    back = client.post(bank_page, {"answer": "approve"})
    assert back["Location"].endswith(reverse("checkout:payment-return"))
    done = client.get(back["Location"])

    assert done["Location"] == reverse("checkout:thank-you")
    order.refresh_from_db()
    assert order.status == status.PAID
    assert order.sources.get().label == "Visa ending 3184"
    assert OutboxEmail.objects.count() == 1
    client.get(back["Location"])  # the return page again (a reload) changes nothing
    assert OutboxEmail.objects.count() == 1 and order.payment_events.count() == 1


def test_failed_authentication_returns_to_the_review_with_the_reason_and_the_basket(client, item):
    response = steps.place_order(
        client, card=NEEDS_BANK, token=steps.guest_checkout(client, [(item, 2)])
    )
    back = client.post(response["Location"], {"answer": "fail"})

    review = client.get(back["Location"], follow=True)

    assert review.redirect_chain[-1][0] == reverse("checkout:preview")
    assert "We couldn't authenticate your payment with your bank" in text_of(review)
    assert Basket.objects.get().status == Basket.OPEN
    assert Order.objects.get().status == status.PENDING_PAYMENT
    assert not OutboxEmail.objects.exists()


def test_the_return_page_reads_the_provider_never_its_query_string(client, item):
    response = steps.place_order(
        client, card=NEEDS_BANK, token=steps.guest_checkout(client, [(item, 1)])
    )
    order = Order.objects.get()

    forged = client.get(
        reverse("checkout:payment-return"),
        {"payment_intent": intent_of(order).reference, "redirect_status": "succeeded"},
    )

    assert forged["Location"] == response["Location"]  # still at the bank's page
    order.refresh_from_db()
    assert order.status == status.PENDING_PAYMENT


def test_the_return_page_without_a_payment_says_so(client, item):
    response = client.get(reverse("checkout:payment-return"), follow=True)

    assert response.redirect_chain[-1][0] == reverse("basket:summary")
    assert "We couldn't find a payment to check" in text_of(response)


def test_a_payment_left_half_way_gives_the_basket_back_on_the_review_page(client, item):
    steps.place_order(client, card=NEEDS_BANK, token=steps.guest_checkout(client, [(item, 3)]))
    assert Basket.objects.get().status == Basket.FROZEN  # at the bank's page

    review = client.get(reverse("checkout:preview"), follow=True)  # the shopper comes back

    assert Basket.objects.get().status == Basket.OPEN
    assert "kēpos 30-day" in text_of(review)


def test_completing_twice_pays_and_emails_once(client, item):
    order = waiting_order(client, item)
    row = intent_of(order)
    TestIntent.objects.filter(pk=row.pk).update(status=base.SUCCEEDED, brand="Visa", last4="4242")
    intent = TestGateway().retrieve(row.reference)

    assert completion.complete(order, intent) is True
    assert completion.complete(Order.objects.get(), intent) is False

    order.refresh_from_db()
    assert order.status == status.PAID
    assert order.payment_events.count() == 1
    assert OutboxEmail.objects.filter(to="guest@example.com").count() == 1
    assert Basket.objects.get().status == Basket.SUBMITTED


def test_an_intent_for_another_amount_or_order_is_never_applied(client, item):
    order = waiting_order(client, item)
    row = intent_of(order)
    TestIntent.objects.filter(pk=row.pk).update(status=base.SUCCEEDED, amount=1)

    with pytest.raises(IntentMismatch):
        completion.complete(order, TestGateway().retrieve(row.reference))

    TestIntent.objects.filter(pk=row.pk).update(amount=order.total_incl_tax, order_number="999")
    with pytest.raises(IntentMismatch):
        completion.complete(order, TestGateway().retrieve(row.reference))
    assert Order.objects.get().status == status.PENDING_PAYMENT


def test_a_payment_for_a_cancelled_order_alerts_the_managers(client, item):
    factories.staff_user(roles.MANAGERS, email="boss@kepos.example")
    order = waiting_order(client, item)
    completion.abandon(order, reason="test")
    row = intent_of(order)
    TestIntent.objects.filter(pk=row.pk).update(status=base.SUCCEEDED)

    assert completion.complete(order, TestGateway().retrieve(row.reference)) is False

    alert = OutboxEmail.objects.get(to="boss@kepos.example")
    assert f"Payment received for cancelled order #{order.number}" in alert.subject
    assert Order.objects.get().status == status.CANCELLED


def make_stale(order, minutes=120):
    Order.objects.filter(pk=order.pk).update(
        date_placed=timezone.now() - timedelta(minutes=minutes)
    )


def test_the_stale_job_cancels_the_intent_then_the_order_and_gives_the_basket_back(
    client, item, settings
):
    settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES = 60
    order = waiting_order(client, item, quantity=2)
    Basket.objects.update(status=Basket.FROZEN)  # as if the tab closed at the bank's page
    make_stale(order)

    call_command("cancel_stale_orders", verbosity=0)

    order.refresh_from_db()
    assert intent_of(order).status == base.CANCELED
    assert order.status == status.CANCELLED
    assert StockRecord.objects.get(product=item).num_allocated == 0
    assert Basket.objects.get().status == Basket.OPEN


def test_the_stale_job_waits_for_a_processing_intent_and_pays_a_succeeded_one(
    client, item, settings
):
    settings.SHOP_UNPAID_ORDER_TIMEOUT_MINUTES = 60
    first = waiting_order(client, item)
    TestIntent.objects.filter(reference=first.sources.get().reference).update(
        status=base.PROCESSING
    )
    second = waiting_order(client.__class__(), item)
    TestIntent.objects.filter(reference=second.sources.get().reference).update(
        status=base.SUCCEEDED
    )
    make_stale(first)
    make_stale(second)

    call_command("cancel_stale_orders", verbosity=0)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == status.PENDING_PAYMENT  # its money may yet arrive
    assert second.status == status.PAID
    assert OutboxEmail.objects.filter(subject__contains=second.number).count() == 1


def test_staff_cancelling_a_waiting_order_stops_its_payment_first(client, item):
    from shop.order.processing import EventHandler

    order = waiting_order(client, item)

    EventHandler().handle_order_status_change(order, status.CANCELLED, note_msg="phoned")

    assert intent_of(order).status == base.CANCELED
    assert Order.objects.get().status == status.CANCELLED


def test_staff_cannot_cancel_as_unpaid_an_order_whose_payment_went_through(client, item):
    from oscar.apps.order.exceptions import InvalidOrderStatus

    from shop.order.processing import EventHandler

    order = waiting_order(client, item)
    TestIntent.objects.filter(reference=order.sources.get().reference).update(status=base.SUCCEEDED)

    with pytest.raises(InvalidOrderStatus, match="has just gone through"):
        EventHandler().handle_order_status_change(order, status.CANCELLED)
    assert Order.objects.get().status == status.PENDING_PAYMENT


def single_use_voucher(client):
    from decimal import Decimal

    ConditionalOffer = get_model("offer", "ConditionalOffer")
    Condition = get_model("offer", "Condition")
    Benefit = get_model("offer", "Benefit")
    Range = get_model("offer", "Range")
    Voucher = get_model("voucher", "Voucher")
    everything = Range.objects.create(name="Everything", includes_all_products=True)
    offer = ConditionalOffer.objects.create(
        name="£5 off",
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.FIXED, value=Decimal(5)),
    )
    voucher = Voucher.objects.create(
        name="Five off once",
        code="ONCE",
        usage=Voucher.SINGLE_USE,
        start_datetime="2020-01-01T00:00Z",
        end_datetime="2099-01-01T00:00Z",
    )
    voucher.offers.add(offer)
    return voucher


def voucher_checkout(client, item):
    steps.add_to_basket(client, item)
    client.post(reverse("basket:vouchers-add"), {"code": "ONCE"})
    steps.start_as_guest(client)
    steps.give_address(client)
    steps.choose_method(client)


def test_a_declined_card_leaves_a_single_use_voucher_for_the_retry(client, item):
    voucher = single_use_voucher(client)
    voucher_checkout(client, item)
    steps.place_order(client, card=steps.DECLINED_CARD)
    voucher.refresh_from_db()
    assert voucher.num_orders == 0  # not used by an unpaid order

    response = steps.place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.status == status.PAID and order.total_discount_incl_tax == 5
    voucher.refresh_from_db()
    assert voucher.num_orders == 1 and voucher.applications.get().order == order


def test_a_changed_basket_after_a_decline_keeps_the_voucher_and_the_offer_count(client, item):
    voucher = single_use_voucher(client)
    voucher_checkout(client, item)
    steps.place_order(client, card=steps.DECLINED_CARD)
    steps.add_to_basket(client, item)

    steps.place_order(client)

    first, second = Order.objects.order_by("pk")
    assert first.status == status.CANCELLED and second.status == status.PAID
    assert second.total_discount_incl_tax == 5
    offer = voucher.offers.get()
    assert offer.num_orders == 1  # the cancelled order's use was given back
    voucher.refresh_from_db()
    assert voucher.num_orders == 1
