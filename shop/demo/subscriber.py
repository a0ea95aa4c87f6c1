"""The demo customer: an account with an address, a saved test card and an active
kēpos subscription, so the account pages, reminders and renewals have something
to show. Created only when DEBUG is on, and only with the test gateway."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from shop.gateways import get_gateway
from shop.gateways.models import TestPaymentMethod
from shop.gateways.testing import TestGateway
from shop.payments.models import PaymentCustomer, SavedCard
from shop.subscriptions.models import Subscription, SubscriptionEvent
from shop.subscriptions.schedule import uk_today

Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
UserAddress = get_model("address", "UserAddress")

EMAIL = "customer@kepos.example"
ADDRESS = {
    "first_name": "Rowan",
    "last_name": "Ashby",
    "line1": "14 Quayside Mews",
    "line4": "Bristol",
    "postcode": "BS1 4RN",
    "country_id": "GB",
}
CAPSULES = "kēpos daily gut health"


def create_demo_subscriber(password: str) -> dict | None:
    """The demo customer and their subscription (idempotent); None unless DEBUG is on."""
    if not settings.DEBUG or not isinstance(get_gateway(), TestGateway):
        return None
    User = get_user_model()
    user = User.objects.filter(email=EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            username="customer", email=EMAIL, password=password, first_name="Rowan",
            last_name="Ashby",
        )  # fmt: skip
    UserAddress.objects.get_or_create(
        user=user, line1=ADDRESS["line1"], defaults={**ADDRESS, "is_default_for_shipping": True}
    )
    if not Subscription.objects.filter(user=user).exists():
        _subscribe(user)
    return {"email": EMAIL, "password": password}


def _subscribe(user) -> None:
    customer, _ = PaymentCustomer.objects.get_or_create(
        user=user, gateway="test", defaults={"reference": f"cus_test_demo{user.pk}"}
    )
    method, _ = TestPaymentMethod.objects.get_or_create(
        token=f"pm_test_demo{user.pk}",
        defaults={
            "customer": customer.reference,
            "outcome": "succeeds",
            "brand": "Visa",
            "last4": "4242",
        },  # fmt: skip
    )
    card, _ = SavedCard.objects.get_or_create(
        gateway="test",
        token=method.token,
        defaults={
            "user": user,
            "customer_reference": customer.reference,
            "brand": "Visa",
            "last4": "4242",
        },  # fmt: skip
    )
    product = Product.objects.filter(title=CAPSULES, parent__isnull=True).first()
    if product is None:
        return
    size = product.children.order_by("pk").first() if product.is_parent else product
    subscription = Subscription.objects.create(
        user=user,
        product=size,
        quantity=1,
        weeks=4,
        saving_percent=10,
        shipping_code="next-day",
        address=ShippingAddress.objects.create(**ADDRESS),
        card=card,
        next_date=uk_today() + timedelta(days=10),
    )
    SubscriptionEvent.objects.create(
        subscription=subscription, action="started", note="Demo subscription"
    )
