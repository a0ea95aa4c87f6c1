"""Bench data, part two: customers, their orders and their chats (issue 21, item 4).

Same rules as ``bench_data``: bulk rows in batches, one transaction per kind,
marked ``bench`` so a second run only adds what is missing. Orders are placed
over the last two years, most of them delivered, a few still to pack; a tenth
are guests'. The demo customer gets a history of their own, so "Your orders"
is measured with full pages.
"""

import random
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from shop.chat.models import Conversation, Message
from shop.demo.bench_data import BATCH, missing
from shop.order import status

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
Country = get_model("address", "Country")
StockRecord = get_model("partner", "StockRecord")

FIRST_NAMES = ["Amara", "Ben", "Chloe", "Dev", "Ellie", "Finn", "Grace", "Hamza", "Isla", "Jack"]
LAST_NAMES = ["Patel", "Jones", "Williams", "Khan", "Taylor", "Brown", "Evans", "Wilson", "Roberts"]
TOWNS = [("Leeds", "LS1 4AP"), ("Bristol", "BS1 5TR"), ("York", "YO1 7HH"), ("Bath", "BA1 1LT")]
STATUSES = [status.DELIVERED] * 7 + [status.DISPATCHED, status.PAID, status.CANCELLED]
DEMO_CUSTOMER = "customer@kepos.example"
DEMO_CUSTOMER_ORDERS = 25
QUESTIONS = [
    "Hello, does the goat's milk kefir need to stay in the fridge?",
    "Can I take the capsules with breakfast?",
    "My parcel says dispatched; when will it arrive?",
    "Is the water kefir suitable for vegans?",
]
ANSWERS = [
    "Yes, keep it cold and drink it within the date on the pack.",
    "Yes, with or without food; one a day is the amount on the label.",
    "Next Day parcels usually arrive the working day after dispatch.",
    "It is made without milk, so yes; the grains are fed on sugar and water.",
]


def customer_name(number: int) -> tuple[str, str]:
    return FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[number // 10 % len(LAST_NAMES)]


@transaction.atomic
def make_customers(target: int, rng: random.Random) -> int:
    """Customers with no usable password (bench rows are never signed in to)."""
    User = get_user_model()
    numbers = missing(User, target)
    password = make_password(None)
    rows = []
    for number in numbers:
        first, last = customer_name(number)
        rows.append(
            User(
                username=f"bench.customer{number}",
                email=f"bench.customer{number}@example.com",
                first_name=first,
                last_name=last,
                password=password,
            )
        )
    User.objects.bulk_create(rows, batch_size=BATCH)
    return len(numbers)


@transaction.atomic
def make_orders(target: int, rng: random.Random) -> int:
    """Orders of one to three lines from the catalogue, each with a delivery address."""
    numbers = missing(Order, target)
    stock = list(StockRecord.objects.select_related("product", "partner").order_by("?")[:500])
    customers = list(get_user_model().objects.filter(is_staff=False).values_list("pk", flat=True))
    country = Country.objects.filter(pk="GB").first() or Country.objects.first()
    if not numbers or not stock or not customers or country is None:
        return 0
    demo = get_user_model().objects.filter(email=DEMO_CUSTOMER).values_list("pk", flat=True)
    owners = [demo[0]] * DEMO_CUSTOMER_ORDERS if demo else []
    now = timezone.now()
    for start in range(numbers.start, numbers.stop, BATCH):
        batch = range(start, min(start + BATCH, numbers.stop))
        addresses = ShippingAddress.objects.bulk_create(address(n, country) for n in batch)
        addresses = list(
            ShippingAddress.objects.filter(notes__in=[a.notes for a in addresses]).order_by("pk")
        )
        orders, lines = [], []
        for number, shipping in zip(batch, addresses, strict=True):
            user = owners.pop() if owners else rng.choice(customers)
            guest = number % 10 == 9
            bought = rng.sample(stock, rng.randint(1, 3))
            quantities = [rng.randint(1, 3) for _ in bought]
            goods = sum((r.price * q for r, q in zip(bought, quantities, strict=True)), Decimal())
            delivery = Decimal("0.00") if goods >= 25 else Decimal("3.99")
            placed = now - timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
            orders.append(
                Order(
                    number=f"9{number:07d}",
                    site_id=settings.SITE_ID,
                    user_id=None if guest else user,
                    guest_email=f"bench.guest{number}@example.com" if guest else "",
                    shipping_address=shipping,
                    currency="GBP",
                    total_incl_tax=goods + delivery,
                    total_excl_tax=goods + delivery,
                    shipping_incl_tax=delivery,
                    shipping_excl_tax=delivery,
                    shipping_method="Next Day",
                    shipping_code="next-day",
                    status=rng.choice(STATUSES),
                    date_placed=placed,
                    dispatch_on=(placed + timedelta(days=1)).date(),
                )
            )
            lines.append(list(zip(bought, quantities, strict=True)))
        Order.objects.bulk_create(orders)
        saved = Order.objects.filter(number__in=[o.number for o in orders]).order_by("number")
        Line.objects.bulk_create(
            order_line(order, record, quantity)
            for order, bought in zip(saved, lines, strict=True)
            for record, quantity in bought
        )
    return len(numbers)


def address(number: int, country):
    first, last = customer_name(number)
    town, postcode = TOWNS[number % len(TOWNS)]
    line1 = f"{number % 200 + 1} Orchard Road"
    return ShippingAddress(
        first_name=first,
        last_name=last,
        line1=line1,
        line4=town,
        postcode=postcode,
        country=country,
        notes=f"bench-{number}",
        search_text=f"{first} {last} {line1} {town} {postcode}",
    )


def order_line(order, record, quantity: int):
    total = record.price * quantity
    return Line(
        order=order,
        partner_id=record.partner_id,
        partner_name=record.partner.name,
        partner_sku=record.partner_sku,
        stockrecord=record,
        product_id=record.product_id,
        title=record.product.title,
        upc=record.product.upc,
        quantity=quantity,
        line_price_incl_tax=total,
        line_price_excl_tax=total,
        line_price_before_discounts_incl_tax=total,
        line_price_before_discounts_excl_tax=total,
        unit_price_incl_tax=record.price,
        unit_price_excl_tax=record.price,
        status=order.status,
        num_allocated=quantity,
    )


@transaction.atomic
def make_chat_messages(target: int, rng: random.Random) -> int:
    """Resolved conversations of four messages each: a question and an answer, twice."""
    numbers = missing(Message, target)
    if not numbers:
        return 0
    now = timezone.now()
    conversations = Conversation.objects.bulk_create(
        (
            Conversation(
                name=" ".join(customer_name(number)),
                email=f"bench.visitor{number}@example.com",
                consented_at=now - timedelta(days=number % 700),
                status=Conversation.Status.RESOLVED,
                last_message_at=now - timedelta(days=number % 700),
                resolved_at=now - timedelta(days=number % 700),
                started_on=f"bench-{number}",
            )
            for number in range(numbers.start // 4, (numbers.stop + 3) // 4)
        ),
        batch_size=BATCH,
    )
    started = [c.started_on for c in conversations]
    made = 0
    for start in range(0, len(started), BATCH):
        chats = Conversation.objects.filter(started_on__in=started[start : start + BATCH])
        rows = []
        for chat in chats:
            for turn in range(4):
                pair = rng.randrange(len(QUESTIONS))
                visitor = turn % 2 == 0
                rows.append(
                    Message(
                        conversation=chat,
                        sender=Message.Sender.VISITOR if visitor else Message.Sender.STAFF,
                        body=QUESTIONS[pair] if visitor else ANSWERS[pair],
                    )
                )
        made += len(Message.objects.bulk_create(rows[: len(numbers) - made]))
    return made
