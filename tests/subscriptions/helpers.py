"""A subscriber's world for the subscription tests: products with offers, delivery
rules, a customer, and subscribing through the real checkout."""

from datetime import UTC, datetime
from decimal import Decimal

from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.subscriptions.models import Subscription, SubscriptionOffer
from tests import checkout_steps, factories

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

CARD_SUCCEEDS = {"number": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123"}
CARD_FAILS_LATER = {**CARD_SUCCEEDS, "number": "4000 0000 0000 0341"}
CARD_AUTHENTICATES = {**CARD_SUCCEEDS, "number": "4000 0027 6000 3184"}


def at(text: str) -> datetime:
    """'2027-03-01 09:00' as an aware UTC instant."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def capsules(price="39.99", saving=10, weeks="4, 8", default=4, stock=100):
    """kēpos capsules (20% VAT) on offer every 4 or 8 weeks, 10% off."""
    item = factories.product("kēpos daily gut health", price, num_in_stock=stock)
    SubscriptionOffer.objects.create(
        product=item, weeks=weeks, default_weeks=default, saving_percent=saving
    )
    return item


def kefir_sizes(saving=10):
    """Goat's milk kefir (0% VAT) in two sizes, the offer on the parent."""
    parent = factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
    )
    SubscriptionOffer.objects.create(
        product=parent, weeks="1, 2, 4", default_weeks=2, saving_percent=saving
    )
    return parent


def customer(email="sam@example.com"):
    return UserFactory(email=email, first_name="Sam", last_name="Rowe")


def subscribe(client, user, item, *, weeks=4, quantity=1, card=CARD_SUCCEEDS, accept=True):
    """Sign in, put ``item`` in the basket on subscription and pay: the response of
    "Place order"."""
    factories.sign_in(client, user)
    client.post(
        reverse("basket:add", kwargs={"pk": (item.parent or item).pk}),
        {
            "quantity": quantity,
            "purchase": "subscribe",
            "deliver_every": weeks,
            **({"child_id": item.pk} if item.parent_id else {}),
        },
    )
    client.get(reverse("checkout:index"))
    checkout_steps.give_address(client)
    checkout_steps.choose_method(client)
    token = checkout_steps.basket_token(client)
    data = {"action": "place_order", "basket_token": token, **card}
    if accept:
        data["accept_subscription_terms"] = "on"
    response = client.post(reverse("checkout:preview"), data)
    if "/payments/test/" in response.get("Location", ""):  # the stand-in bank page
        back = client.post(response["Location"], {"answer": "approve"})
        response = client.get(back["Location"])
    return response


def subscription_of(user) -> Subscription:
    return Subscription.objects.select_related("card", "product").get(user=user)


def set_stock(item, count: int) -> None:
    StockRecord.objects.filter(product=item).update(num_in_stock=count, num_allocated=0)


def world():
    factories.delivery_methods()
    return {"capsules": capsules(), "kefir": kefir_sizes(), "sam": customer()}


ZERO = Decimal("0.00")


def saved_card(user, outcome="succeeds", last4="4242"):
    """A test-gateway card saved for ``user`` (as checkout would have saved it)."""
    from shop.gateways.models import TestPaymentMethod
    from shop.payments.models import PaymentCustomer, SavedCard

    customer, _ = PaymentCustomer.objects.get_or_create(
        user=user, gateway="test", defaults={"reference": f"cus_test_{user.pk}"}
    )
    token = f"pm_test_{user.pk}_{outcome}_{SavedCard.objects.count()}"
    TestPaymentMethod.objects.create(
        token=token, customer=customer.reference, outcome=outcome, brand="Visa", last4=last4
    )
    return SavedCard.objects.create(
        user=user,
        gateway="test",
        customer_reference=customer.reference,
        token=token,
        brand="Visa",
        last4=last4,
    )


def direct_subscription(user, item, *, next_date, weeks=4, quantity=1, outcome="succeeds"):
    """A subscription made without a checkout (for tests about many of them)."""

    ShippingAddress = get_model("order", "ShippingAddress")
    address = ShippingAddress.objects.create(
        first_name="Sam", last_name="Rowe", line1="1 Orchard Row", line4="Bristol",
        postcode="BS1 4XY", country_id="GB",
    )  # fmt: skip
    offer = SubscriptionOffer.objects.filter(product__in=[item, item.parent or item]).first()
    return Subscription.objects.create(
        user=user,
        product=item,
        quantity=quantity,
        weeks=weeks,
        saving_percent=offer.saving_percent if offer else 10,
        shipping_code="next-day",
        address=address,
        card=saved_card(user, outcome),
        next_date=next_date,
    )
