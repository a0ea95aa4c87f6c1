"""How fast renewals run, against plain order placement in the same run.

Both write orders through the same code (``ordering.place_order_for``), charge a
saved test card and mark the order paid; renewals add the row locks, the
renewal records, the history and the next date. The ratio of their rates is
the target (machines here are shared and noisy; absolute times are not). Everything
happens in a transaction that is rolled back, so the database is left as it was.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from shop.gateways.models import TestPaymentMethod
from shop.payments import completion, saved_cards
from shop.payments.models import PaymentCustomer, SavedCard
from shop.subscriptions import ordering, renewals, schedule
from shop.subscriptions.models import Subscription

Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")

TARGET_RATIO = 0.5
ADDRESS = {"first_name": "Bench", "last_name": "Mark", "line1": "1 Test Row",
           "line4": "Bristol", "postcode": "BS1 4XY", "country_id": "GB"}  # fmt: skip


class Rollback(Exception):
    pass


@dataclass(frozen=True)
class Measurement:
    subscriptions: int
    renewals_per_second: float
    orders: int
    orders_per_second: float

    @property
    def ratio(self) -> float:
        return self.renewals_per_second / self.orders_per_second

    @property
    def ok(self) -> bool:
        return self.ratio >= TARGET_RATIO


def _customers(count: int, prefix: str, product) -> list[tuple]:
    """``count`` customers, each with an address and a saved card (bulk-created)."""
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"{prefix}{n}", email=f"{prefix}{n}@bench.example") for n in range(count)
    )
    PaymentCustomer.objects.bulk_create(
        PaymentCustomer(user=u, gateway="test", reference=f"cus_{prefix}{u.pk}") for u in users
    )
    TestPaymentMethod.objects.bulk_create(
        TestPaymentMethod(
            token=f"pm_{prefix}{u.pk}",
            customer=f"cus_{prefix}{u.pk}",
            outcome="succeeds",
            brand="Visa",
            last4="4242",
        )  # fmt: skip
        for u in users
    )
    cards = SavedCard.objects.bulk_create(
        SavedCard(
            user=u,
            gateway="test",
            customer_reference=f"cus_{prefix}{u.pk}",
            token=f"pm_{prefix}{u.pk}",
            brand="Visa",
            last4="4242",
        )  # fmt: skip
        for u in users
    )
    addresses = ShippingAddress.objects.bulk_create(ShippingAddress(**ADDRESS) for _ in users)
    return list(zip(users, cards, addresses, strict=True))


def measure(product, *, subscriptions: int = 10_000, orders: int = 1_000) -> Measurement:
    """Renew ``subscriptions`` due subscriptions and place ``orders`` plain orders."""
    result = None
    try:
        with transaction.atomic():
            StockRecord.objects.filter(product=product).update(
                num_in_stock=10 * (subscriptions + orders), num_allocated=0
            )
            plain = _customers(orders, "plain", product)
            start = time.perf_counter()
            for user, card, address in plain:
                order = ordering.place_order_for(
                    user, product, 1, options=[], address=address, shipping_code="next-day"
                )
                intent = saved_cards.charge(order, card)
                completion.complete(order, intent)
            orders_per_second = orders / (time.perf_counter() - start)

            today = schedule.uk_today()
            Subscription.objects.bulk_create(
                Subscription(
                    user=user,
                    product=product,
                    quantity=1,
                    weeks=4,
                    saving_percent=10,
                    shipping_code="next-day",
                    address=address,
                    card=card,
                    next_date=today,
                    reminded_for=today,
                )  # fmt: skip
                for user, card, address in _customers(subscriptions, "sub", product)
            )
            start = time.perf_counter()
            report = renewals.run(now=timezone.now())
            renewals_per_second = subscriptions / (time.perf_counter() - start)
            if report.count("paid") != subscriptions:
                raise RuntimeError(f"Renewed {report.summary()}, not {subscriptions} paid")
            next_date = today + timedelta(weeks=4)
            assert Subscription.objects.filter(next_date=next_date).count() == subscriptions
            result = Measurement(subscriptions, renewals_per_second, orders, orders_per_second)
            raise Rollback
    except Rollback:
        return result
