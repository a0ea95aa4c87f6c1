"""The delivery rules as shoppers meet them: offered methods, the headline
offer, dispatch and delivery estimates, and progress to free delivery.

Each is loaded at most once per request, however many parts of a page ask.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal

from oscar.core.loading import get_model

from shop.core.memo import per_request
from shop.shipping import quotes
from shop.shipping.dates import DeliveryEstimate, estimate
from shop.workdays.calendar import business_calendar

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


def offered_methods(request=None) -> list:
    return per_request(request, "delivery-methods", lambda: list(DeliveryMethod.objects.offered()))


def headline_method(request=None):
    """The method whose free-delivery threshold the store advertises, if any."""
    for method in offered_methods(request):
        if method.is_headline and quotes.tariff(method).free_from is not None:
            return method
    return None


def estimate_for(
    method, *, request=None, now: datetime | None = None, no_weekend_transit: bool = False
) -> DeliveryEstimate:
    return estimate(
        cutoff=method.cutoff_time,
        transit_days=(method.transit_days_min, method.transit_days_max),
        calendar=business_calendar(request, now),
        now=now,
        no_weekend_transit=no_weekend_transit,
    )


def basket_needs_weekday_transit(basket) -> bool:
    """True when any product in the basket must not sit in transit over a weekend."""
    return any(line.product.needs_weekday_transit for line in basket.all_lines())


@dataclass(frozen=True)
class FreeDeliveryProgress:
    """The basket's quote for the headline offer, as the progress bar reads it."""

    quote: quotes.Quote
    currency: str

    @property
    def method_name(self) -> str:
        return self.quote.tariff.name

    @property
    def threshold(self) -> Decimal:
        return self.quote.tariff.free_from

    @property
    def total(self) -> Decimal:
        return self.quote.goods_total

    @property
    def unlocked(self) -> bool:
        return self.quote.free

    @property
    def remaining(self) -> Decimal:
        return self.quote.left_to_free

    @property
    def percent(self) -> int:
        """Progress towards the threshold, 0-100, rounded down (100 only when unlocked)."""
        if self.threshold <= 0 or self.unlocked:
            return 100
        return int((self.total * 100 / self.threshold).to_integral_value(ROUND_DOWN))


def free_delivery_progress(basket, request=None) -> FreeDeliveryProgress | None:
    """How far the basket is from the headline offer's free delivery."""
    method = headline_method(request)
    if method is None:
        return None
    return FreeDeliveryProgress(quotes.for_basket(method, basket), basket.currency)
