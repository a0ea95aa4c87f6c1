"""Checkout: guests and customers, address checks, the test cards, one order per basket."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.order import status
from shop.order.utils import InsufficientStock, reserve_stock
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def shop():
    factories.delivery_methods()
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
    )
    return {
        "capsules": factories.product("kēpos 30-day", "39.99"),
        "kefir": factories.child_of(kefir, "1 litre"),
    }


def test_a_guest_pays_with_the_success_card_and_gets_an_order_number(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1), (shop["kefir"], 2)])

    response = steps.place_order(client, token=token)

    assert response.status_code == 302
    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.status == status.PAID
    assert order.guest_email == "guest@example.com"
    assert order.total_incl_tax == D("55.97")  # 39.99 + 2 x 7.99, free next-day delivery
    assert order.shipping_incl_tax == D("0.00")
    assert order.dispatch_on and order.deliver_from and order.deliver_by
    thank_you = text_of(client.get(reverse("checkout:thank-you")))
    assert f"Your order number is {order.number}" in thank_you


def test_only_the_card_brand_and_last_four_digits_are_kept(client, shop):
    steps.place_order(client, token=steps.guest_checkout(client, [(shop["capsules"], 1)]))

    source = Source.objects.get()
    assert source.label == "Visa ending 4242"
    assert "4242424242424242" not in str(
        list(Source.objects.values()) + list(Order.objects.values())
    )


def test_the_order_review_shows_every_charge_and_vat_by_rate(client, shop):
    steps.guest_checkout(client, [(shop["capsules"], 1), (shop["kefir"], 1)], method="standard")

    text = text_of(client.get(reverse("checkout:preview")))

    # Goods 39.99 (20%) + 7.99 (0%) = 47.98, Standard free over £25.
    assert "Order total £47.98" in text
    assert "20% £33.32 £6.67 £39.99" in text
    assert "0% £7.99 £0.00 £7.99" in text
    assert "Place order and pay £47.98" in text


def test_the_payment_step_reassures_in_words_a_shopper_can_check(client, shop):
    steps.guest_checkout(client, [(shop["capsules"], 1)])

    response = client.get(reverse("checkout:preview"))
    text = text_of(response)

    assert "Secure payment" in text
    assert "We accept American Express, Visa, Mastercard, Maestro" in response.content.decode()
    assert "What happens next" in text
    dispatch_on = response.context["delivery_estimate"].dispatch_on
    assert f"We pack and dispatch it on {dispatch_on:%A} {dispatch_on.day} {dispatch_on:%B}" in text
    assert "Delivery method" in text and "Shipping" not in text


def test_delivery_vat_by_rate_in_a_mixed_basket_below_the_threshold(client, shop):
    capsules = factories.product("Trial pack", "10.00")
    steps.guest_checkout(client, [(capsules, 1), (shop["kefir"], 1)], method="standard")

    text = text_of(client.get(reverse("checkout:preview")))

    # £2.99 delivery split 10.00 : 7.99 -> £1.66 at 20% (VAT 0.28) and £1.33 at 0%.
    assert "20% £9.71 £1.95 £11.66" in text
    assert "0% £9.32 £0.00 £9.32" in text


def test_the_declined_card_says_why_and_keeps_the_order_waiting_for_payment(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])

    response = steps.place_order(client, card=steps.DECLINED_CARD, token=token)

    assert response.status_code == 200
    assert "Your card was declined. Please use another card." in text_of(response)
    order = Order.objects.get()  # written before payment, still waiting for it
    assert order.status == status.PENDING_PAYMENT
    assert not order.payment_events.exists()
    assert Basket.objects.get().status == Basket.OPEN  # the shopper's to change
    assert 'value="4000' not in response.content.decode()  # card details are never echoed
    assert not OutboxEmail.objects.exists()


def test_a_retry_after_a_decline_pays_the_same_order_once(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 2)])
    steps.place_order(client, card=steps.DECLINED_CARD, token=token)

    response = steps.place_order(client)  # from the review page shown again

    assert response["Location"] == reverse("checkout:thank-you")
    order = Order.objects.get()
    assert order.status == status.PAID
    assert order.payment_events.get().amount == order.total_incl_tax
    assert StockRecord.objects.get(product=shop["capsules"]).num_allocated == 2
    assert Basket.objects.get().status == Basket.SUBMITTED
    assert OutboxEmail.objects.count() == 1


def test_a_retry_for_a_changed_basket_cancels_the_waiting_order_first(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])
    steps.place_order(client, card=steps.DECLINED_CARD, token=token)
    steps.add_to_basket(client, shop["kefir"], 2)

    response = steps.place_order(client)

    assert response["Location"] == reverse("checkout:thank-you")
    first, second = Order.objects.order_by("pk")
    assert first.status == status.CANCELLED
    assert second.status == status.PAID and second.number == f"{first.number}-2"
    assert second.num_items == 3
    assert StockRecord.objects.get(product=shop["capsules"]).num_allocated == 1  # not 2
    # One payment intent per basket: the unpaid one moved to the new order.
    assert {source.reference for source in Source.objects.all()} == {second.sources.get().reference}


def test_the_processing_error_card_says_no_money_was_taken(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])

    response = steps.place_order(client, card=steps.ERROR_CARD, token=token)

    assert "the card processor reported an error. No money was taken" in text_of(response)
    assert Order.objects.get().status == status.PENDING_PAYMENT
    assert Basket.objects.get().status == Basket.OPEN


@pytest.mark.parametrize(
    ("card", "message"),
    [
        ({"number": "4242 4242 4242 4241"}, "That card number isn't valid"),
        ({"number": "12"}, "Enter the long number on the front of your card."),
        ({"expiry": "13/30"}, "The expiry month must be from 01 to 12."),
        ({"expiry": "01/20"}, "This card expired at the end of 01/20."),
        ({"expiry": "soon"}, "Enter the expiry date as MM/YY"),
        ({"cvc": "12"}, "Enter the 3-digit security code from your card."),
        ({"number": "3782 822463 10005", "cvc": "123"}, "Enter the 4-digit security code"),
    ],
)
def test_bad_card_details_get_a_clear_message_and_lose_nothing(client, shop, card, message):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])

    response = steps.place_order(client, card={**steps.GOOD_CARD, **card}, token=token)

    assert message in text_of(response)
    assert not Order.objects.exists()  # refused before anything is written
    assert Basket.objects.get().num_lines == 1


def test_a_double_click_or_repost_makes_one_order_and_one_payment(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])

    first = steps.place_order(client, token=token)
    second = steps.place_order(client, token=token)

    assert first["Location"] == second["Location"] == reverse("checkout:thank-you")
    assert Order.objects.count() == 1
    assert Source.objects.count() == 1
    assert Order.objects.get().payment_events.count() == 1


def test_another_visitor_cannot_use_a_submission_token(client, shop):
    token = steps.guest_checkout(client, [(shop["capsules"], 1)])
    steps.place_order(client, token=token)
    order = Order.objects.get()

    stranger = client.__class__()
    response = stranger.post(
        reverse("checkout:preview"),
        {"action": "place_order", "basket_token": token, **steps.GOOD_CARD},
    )

    assert response.status_code == 302
    assert response["Location"] != reverse("checkout:thank-you")
    assert stranger.session.get("checkout_order_id") != order.pk


def test_stock_is_allocated_when_the_order_is_placed(client, shop):
    steps.place_order(client, token=steps.guest_checkout(client, [(shop["capsules"], 3)]))

    assert StockRecord.objects.get(product=shop["capsules"]).num_allocated == 3


def test_stock_sold_elsewhere_during_checkout_stops_the_order_before_payment(client, shop):
    record = StockRecord.objects.get(product=shop["capsules"])
    record.num_in_stock, record.num_allocated = 3, 1
    record.save()
    token = steps.guest_checkout(client, [(shop["capsules"], 2)])
    record.num_allocated = 2  # someone else bought one meanwhile
    record.save()

    response = steps.place_order(client, token=token)

    assert response.status_code == 302  # back to the basket, which says what changed
    assert not Order.objects.exists()
    assert not Source.objects.exists()
    assert "1 available" in text_of(client.get(response["Location"]))


def test_reserving_stock_names_the_product_that_ran_out(shop):
    basket = factories.basket_with((shop["capsules"], 2))
    StockRecord.objects.filter(product=shop["capsules"]).update(num_in_stock=3, num_allocated=2)

    with pytest.raises(InsufficientStock, match="Sorry, only 1 of “kēpos 30-day” is left."):
        reserve_stock(basket)

    StockRecord.objects.filter(product=shop["capsules"]).update(num_allocated=3)
    with pytest.raises(InsufficientStock, match="has just sold out"):
        reserve_stock(basket)


@pytest.mark.parametrize(
    ("postcode", "message"),
    [
        ("JE2 3AB", "We can't deliver to Jersey"),
        ("not a postcode", "Enter a full UK postcode, like SW1A 1AA."),
    ],
)
def test_unserved_or_malformed_postcodes_are_refused_at_the_address_step(
    client, shop, postcode, message
):
    steps.add_to_basket(client, shop["capsules"])
    steps.start_as_guest(client)

    response = steps.give_address(client, postcode=postcode)

    assert response.status_code == 200
    assert message in text_of(response)


def test_a_highlands_address_is_offered_standard_delivery_only(client, shop):
    steps.add_to_basket(client, shop["capsules"])
    steps.start_as_guest(client)
    steps.give_address(client, postcode="IV2 3AB")

    response = client.get(reverse("checkout:shipping-method"))

    # One method left, shown with its price rather than chosen silently.
    text = text_of(response)
    assert response.status_code == 200
    assert "Choose Standard" in text and "Choose Next Day" not in text
    chosen = steps.choose_method(client, code="standard")
    assert chosen.url == reverse("checkout:payment-method")


def test_a_signed_in_customer_checks_out_and_the_address_is_saved(client, shop):
    user = UserFactory(email="ada@example.com")
    factories.sign_in(client, user)
    steps.add_to_basket(client, shop["capsules"])
    steps.give_address(client)
    steps.choose_method(client)

    steps.place_order(client)

    order = Order.objects.get()
    assert order.user == user and order.status == status.PAID
    assert user.addresses.get().postcode == "BS1 4XY"


def test_the_confirmation_email_waits_in_the_outbox_with_vat_and_delivery_date(client, shop):
    steps.place_order(
        client, token=steps.guest_checkout(client, [(shop["capsules"], 1), (shop["kefir"], 1)])
    )
    order = Order.objects.get()

    email = OutboxEmail.objects.get()
    assert email.to == "guest@example.com"
    assert email.subject == f"Your kēpos order {order.number} is confirmed"
    assert "VAT included, by rate:" in email.body_text
    assert "20%: VAT £6.67 on £33.32 net" in email.body_text
    assert f"should arrive {order.deliver_from:%A} {order.deliver_from.day}" in email.body_text
    assert "<table" in email.body_html
