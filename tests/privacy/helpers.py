"""A customer's world at real size for the privacy tests: a dozen orders of several
lines, three addresses, chats, a subscription with renewals, reviews, a wish list,
alerts, e-mails and sign-in records; and a second customer who must never appear."""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from axes.models import AccessLog
from django.contrib.auth.models import Permission
from django.db import connection
from django.utils import timezone
from oscar.core.loading import get_class, get_model
from oscar.core.prices import Price
from oscar.test.factories import UserFactory

from shop.audit.models import AuditEntry
from shop.chat.models import Conversation, Message
from shop.outbox.models import OutboxEmail
from shop.subscriptions.models import Renewal, Subscription, SubscriptionEvent
from tests import factories
from tests.subscriptions.helpers import saved_card

OrderCreator = get_class("order.utils", "OrderCreator")
Order = get_model("order", "Order")
ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")
UserAddress = get_model("address", "UserAddress")
ProductReview = get_model("reviews", "ProductReview")
WishList = get_model("wishlists", "WishList")
ProductAlert = get_model("customer", "ProductAlert")
UserSearch = get_model("analytics", "UserSearch")
Email = get_model("communication", "Email")

PASSWORD = "correct horse battery staple"
SAM = {
    "email": "samwise.quillfeather@example.com",
    "first_name": "Samwise",
    "last_name": "Quillfeather",
    "street": "7 Wickham Mews",
    "postcode": "BS8 4QZ",
    "phone": "+447700900123",
}
ADA = {
    "email": "ada.lovelace@example.com",
    "first_name": "Ada",
    "last_name": "Lovelace",
    "street": "1 Orchard Row",
    "postcode": "BS1 4XY",
    "phone": "+447700900456",
}


@dataclass
class Shopper:
    user: object
    email: str
    orders: list = field(default_factory=list)
    subscription: object = None


def products():
    return [
        factories.product("kēpos daily gut health", "39.99"),  # 20% VAT
        factories.product("Goat's milk kefir 1 litre", "7.99", klass=factories.milk_kefir_class()),
        factories.product("Kefir grains", "12.50"),
    ]


def shipping_address(who: dict) -> object:
    return ShippingAddress.objects.create(
        first_name=who["first_name"],
        last_name=who["last_name"],
        line1=who["street"],
        line4="Bristol",
        postcode=who["postcode"],
        country_id="GB",
        phone_number=who["phone"],
        notes=f"Ring {who['last_name']} at the side door",
    )


def place(user, items, *, number: str, who: dict, guest_email: str = "", status="Delivered"):
    """An order as checkout leaves it (lines priced by the UK strategy, both addresses),
    then moved on to ``status``: delivered by default, as past orders are."""
    basket = factories.basket_with(*items)
    basket.owner = user
    basket.save()
    billing = BillingAddress.objects.create(
        first_name=who["first_name"],
        last_name=who["last_name"],
        line1=who["street"],
        line4="Bristol",
        postcode=who["postcode"],
        country_id="GB",
    )
    order = OrderCreator().place_order(
        basket=basket,
        total=Price("GBP", excl_tax=basket.total_excl_tax, incl_tax=basket.total_incl_tax),
        shipping_method=factories.delivery_methods()["Next Day"],
        shipping_charge=Price("GBP", excl_tax=Decimal("0.00"), tax=Decimal("0.00")),
        user=user,
        shipping_address=shipping_address(who),
        billing_address=billing,
        order_number=number,
        guest_email=guest_email,
    )
    basket.submit()
    Order.objects.filter(pk=order.pk).update(status=status)
    order.refresh_from_db()
    return order


def customer(who: dict, *, orders: int = 12, start: int = 100001, items=None) -> Shopper:
    """A customer with ``orders`` orders of three lines, three addresses, and the rest."""
    items = items or products()
    user = UserFactory(email=who["email"], first_name=who["first_name"], last_name=who["last_name"])
    user.set_password(PASSWORD)
    user.last_login = timezone.now()
    user.save()
    shopper = Shopper(user=user, email=who["email"])
    for n in range(orders):
        lines = [(item, 1 + (n + i) % 3) for i, item in enumerate(items)]
        shopper.orders.append(place(user, lines, number=str(start + n), who=who))
    for n, town in enumerate(["Bristol", "Bath", "Frome"]):
        UserAddress.objects.create(
            user=user,
            first_name=who["first_name"],
            last_name=who["last_name"],
            line1=f"{n + 1}{who['street'][1:]}",
            line4=town,
            postcode=who["postcode"],
            country_id="GB",
            phone_number=who["phone"],
        )
    chat(user, who, "Does kefir help with bloating? I have IBS.")
    chat(None, who, "Left as a message: where is my order?")
    for item, score in zip(items[:2], (5, 4), strict=True):
        ProductReview.objects.create(
            product=item,
            user=user,
            score=score,
            title=f"Review by {who['first_name']}",
            body="Helped my gut within a fortnight.",
        )
    wishlist = WishList.objects.create(owner=user, name=f"{who['first_name']}'s gifts")
    wishlist.add(items[2])
    ProductAlert.objects.create(user=user, product=items[0])
    open_basket = factories.basket_with((items[1], 2))
    open_basket.owner = user
    open_basket.save()
    UserSearch.objects.create(user=user, query=f"kefir for {who['last_name']}")
    Email.objects.create(
        user=user,
        email=who["email"],
        subject="Your kēpos order",
        body_text=f"Dear {who['first_name']} {who['last_name']}, thank you.",
    )
    OutboxEmail.objects.create(
        to=who["email"],
        from_email="hello@kepos.example",
        subject="Your kēpos order",
        body_text=f"Dear {who['first_name']} {who['last_name']}, it ships to {who['street']}.",
        status=OutboxEmail.Status.SENT,
        sent_at=timezone.now(),
    )
    AccessLog.objects.create(
        username=who["email"],
        ip_address="203.0.113.9",
        user_agent="Firefox",
        http_accept="*/*",
        path_info="/accounts/login/",
    )
    shopper.subscription = subscribe(user, items[0], who, orders=shopper.orders[:3])
    first = shopper.orders[0]
    first.notes.create(
        message=f"{who['first_name']} {who['last_name']} rang: e-mail {who['email']}",
        note_type="Staff",
    )
    AuditEntry.objects.create(
        actor_email="orders@kepos.example",
        action="changed",
        model="order.shippingaddress",
        object_id=str(first.shipping_address_id),
        object_repr=f"{who['first_name']} {who['last_name']}, {who['street']}",
        changes={"line1": [who["street"], f"8{who['street'][1:]}"]},
    )
    return shopper


def chat(user, who: dict, text: str) -> Conversation:
    now = timezone.now()
    conversation = Conversation.objects.create(
        name=f"{who['first_name']} {who['last_name']}",
        email=who["email"],
        user=user,
        consented_at=now,
        last_message_at=now,
    )
    Message.objects.create(conversation=conversation, sender=Message.Sender.VISITOR, body=text)
    Message.objects.create(
        conversation=conversation, sender=Message.Sender.STAFF, body="Happy to help."
    )
    Message.objects.create(
        conversation=conversation,
        sender=Message.Sender.VISITOR,
        body=f"Thanks, {who['first_name']} here again.",
    )
    return conversation


def subscribe(user, item, who: dict, *, orders) -> Subscription:
    subscription = Subscription.objects.create(
        user=user,
        product=item,
        quantity=1,
        weeks=4,
        saving_percent=10,
        shipping_code="next-day",
        address=shipping_address(who),
        card=saved_card(user),
        next_date=timezone.localdate() + timedelta(days=6),
        origin_order=orders[0],
    )
    for weeks, order in enumerate(orders):
        Renewal.objects.create(
            subscription=subscription,
            due_date=timezone.localdate() - timedelta(weeks=4 * (weeks + 1)),
            outcome=Renewal.Outcome.PAID,
            order=order,
        )
    SubscriptionEvent.objects.create(
        subscription=subscription, action="paused", note="Customer asked by phone", by_staff=True
    )
    return subscription


def guest(who: dict, *, number: str, items=None):
    """A guest's order (no account) and a chat under the same e-mail."""
    items = items or products()[:1]
    order = place(None, [(items[0], 1)], number=number, who=who, guest_email=who["email"])
    chat(None, who, "Guest here: can I change my address?")
    ProductAlert.objects.create(email=who["email"], product=items[0], key="k" * 20)
    return order


def handler(*, permitted: bool = True):
    """A staff member (no role) holding the privacy permission directly, or not."""
    user = factories.staff_user(email=f"privacy-{'yes' if permitted else 'no'}@kepos.example")
    if permitted:
        user.user_permissions.add(Permission.objects.get(codename="handle_privacy_request"))
    return user


def rows_mentioning(*needles: str) -> dict[str, int]:
    """Every table, every column, read raw: where each needle still appears (any case)."""
    found: dict[str, int] = {}
    lowered = [needle.lower() for needle in needles]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row).lower()
                for needle in lowered:
                    if needle in text:
                        found[f"{table}: {needle}"] = found.get(f"{table}: {needle}", 0) + 1
    return found
