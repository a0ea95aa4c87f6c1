"""Shipping fork: delivery methods as data staff edit in the dashboard.

Oscar's ``OrderAndItemCharges`` gives the charge and the free-delivery
threshold; we add where a method delivers (and at what surcharge), when it
dispatches and delivers, whether it is the headline offer, and VAT on the
charge in proportion to the goods (Oscar's shipping models assume no tax).
"""

import copy
from datetime import time
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from oscar.apps.shipping.abstract_models import AbstractOrderAndItemCharges

from shop.shipping.postcodes import DeliveryZone
from shop.shipping.vat import delivery_price

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


class DeliveryMethodQuerySet(models.QuerySet):
    def offered(self) -> "DeliveryMethodQuerySet":
        """Active methods, headline first, then in the order staff set."""
        return self.filter(is_active=True).order_by("-is_headline", "position", "name")


class OrderAndItemCharges(AbstractOrderAndItemCharges):
    """A delivery method: its charge, free-delivery threshold, zones and dispatch rule.

    Charges and thresholds include VAT, like every price in the shop. The
    threshold compares the basket's total after discounts, without delivery.
    """

    is_active = models.BooleanField("Offered", default=True)
    is_headline = models.BooleanField(
        "Headline offer",
        default=False,
        help_text="Its free-delivery threshold is the promise in the header strip and "
        "the goal of the basket's progress bar. One method at most.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    serves_mainland = models.BooleanField("Delivers to the UK mainland", default=True)
    serves_highlands_islands = models.BooleanField(
        "Delivers to the Highlands & Islands", default=True
    )
    highlands_islands_surcharge = models.DecimalField(
        "Highlands & Islands surcharge", default=Decimal("0.00"), **MONEY
    )
    serves_northern_ireland = models.BooleanField("Delivers to Northern Ireland", default=True)
    northern_ireland_surcharge = models.DecimalField(
        "Northern Ireland surcharge", default=Decimal("0.00"), **MONEY
    )

    cutoff_time = models.TimeField(
        "Same-day dispatch cut-off",
        default=time(14, 0),
        help_text="UK time. Orders placed before it on a working day leave that day.",
    )
    transit_days_min = models.PositiveSmallIntegerField(
        "Working days in transit (fastest)",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    transit_days_max = models.PositiveSmallIntegerField(
        "Working days in transit (slowest)",
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )

    objects = DeliveryMethodQuerySet.as_manager()

    # Set per request by the Repository from the delivery address; the
    # basket page, before an address is known, quotes the mainland.
    zone = DeliveryZone.MAINLAND

    class Meta(AbstractOrderAndItemCharges.Meta):
        verbose_name = "Delivery method"
        verbose_name_plural = "Delivery methods"
        ordering = ["-is_headline", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_headline"],
                condition=models.Q(is_headline=True),
                name="one_headline_delivery_method",
            ),
            models.CheckConstraint(
                condition=models.Q(transit_days_max__gte=models.F("transit_days_min")),
                name="delivery_transit_range_is_ordered",
            ),
        ]

    def clean(self):
        super().clean()
        for field in ("price_per_order", "price_per_item", "free_shipping_threshold"):
            value = getattr(self, field)
            if value is not None and value < 0:
                raise ValidationError({field: "Ensure this value is greater than or equal to 0."})
        if (
            self.transit_days_min
            and self.transit_days_max
            and self.transit_days_max < self.transit_days_min
        ):
            raise ValidationError(
                {"transit_days_max": "The slowest delivery cannot be faster than the fastest."}
            )
        if self.is_headline and self.free_shipping_threshold is None:
            raise ValidationError(
                {"free_shipping_threshold": "The headline offer needs a free-delivery threshold."}
            )
        if self.is_headline:
            others = type(self).objects.filter(is_headline=True).exclude(pk=self.pk)
            if others.exists():
                raise ValidationError(
                    {"is_headline": f"“{others.first()}” is already the headline offer."}
                )

    # --- Zones ---

    def serves(self, zone: DeliveryZone) -> bool:
        return {
            DeliveryZone.MAINLAND: self.serves_mainland,
            DeliveryZone.HIGHLANDS_ISLANDS: self.serves_highlands_islands,
            DeliveryZone.NORTHERN_IRELAND: self.serves_northern_ireland,
        }[zone]

    def for_zone(self, zone: DeliveryZone) -> "OrderAndItemCharges":
        """This method priced for an address in ``zone`` (a copy; the row is shared)."""
        method = copy.copy(self)
        method.zone = zone
        return method

    # --- Charges (shop/shipping/quotes.py reads the price fields) ---

    @property
    def tariff(self):
        from shop.shipping import quotes

        return quotes.tariff(self)

    def quote(self, basket):
        from shop.shipping import quotes

        return quotes.for_basket(self, basket, self.zone)

    def is_free_for(self, basket) -> bool:
        return self.quote(basket).free

    def charge_incl_tax(self, basket) -> Decimal:
        return self.quote(basket).charge

    def calculate(self, basket):
        return delivery_price(self.charge_incl_tax(basket), basket)


from oscar.apps.shipping.models import *  # noqa: E402,F403
