"""Catalogue fork: VAT rate and food category on classes; weekend-transit flag on products."""

import os
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from oscar.apps.catalogue.abstract_models import (
    AbstractProduct,
    AbstractProductClass,
    MissingProductImage,
)

from shop.core.vat import STANDARD_RATE


class ProductClass(AbstractProductClass):
    """Oscar's product class plus the facts every product of the class shares: VAT rate,
    food information, and the exception (if any) to the right to cancel."""

    class FoodKind(models.TextChoices):
        NOT_FOOD = "", "Not food (equipment, courses)"
        FOOD = "food", "Food"
        DRINK = "drink", "Drink (shows a price per litre)"
        SUPPLEMENT = "supplement", "Food supplement (shows the statutory statements)"

    vat_rate = models.DecimalField(
        "VAT rate (%)",
        max_digits=5,
        decimal_places=2,
        default=STANDARD_RATE,
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text="Percentage included in the prices of this type's products, e.g. 20 or 0.",
    )
    food_kind = models.CharField(
        "Food information",
        max_length=16,
        choices=FoodKind.choices,
        default=FoodKind.NOT_FOOD,
        blank=True,
        help_text="Which UK food information the product pages of this type show.",
    )

    class CancellationException(models.TextChoices):
        NONE = "", "None: the full 14-day right to cancel applies"
        PERISHABLE = "perishable", "Goods liable to deteriorate or expire rapidly (reg. 28(1)(d))"
        SEALED = (
            "sealed",
            (
                "Sealed goods not suitable for return once unsealed, for health protection "
                "or hygiene reasons (reg. 28(1)(e))"
            ),
        )

    cancellation_exception = models.CharField(
        "Exception to the right to cancel",
        max_length=16,
        choices=CancellationException.choices,
        default=CancellationException.NONE,
        blank=True,
        help_text="Consumer Contracts Regulations 2013: which exception, if any, applies to "
        "this type's products. Shown on the returns page and in order e-mails.",
    )
    cancellation_reviewed = models.BooleanField(
        "Exception checked by the owner",
        default=False,
        help_text="Leave unticked until the business owner (with legal advice) has confirmed it.",
    )


class RaceSafeMissingProductImage(MissingProductImage):
    """Oscar's placeholder image, whose symlink two requests may race to create.

    Oscar links the placeholder into MEDIA_ROOT on first use and raises
    ImproperlyConfigured if the link fails, which it does when a concurrent
    request created it a moment earlier (a 500 on a fresh deploy).
    """

    def symlink_missing_image(self, media_file_path):
        try:
            super().symlink_missing_image(media_file_path)
        except ImproperlyConfigured:
            if not os.path.exists(media_file_path):
                raise


class Product(AbstractProduct):
    """Oscar's product, plus the one delivery fact that belongs to the product itself."""

    no_weekend_transit = models.BooleanField(
        "No weekend transit",
        default=False,
        help_text="Live goods (kefir, grains): dispatched only when the whole journey falls "
        "on working days, never on a Friday for a Monday arrival. Sizes follow their parent.",
    )

    @property
    def needs_weekday_transit(self) -> bool:
        """This product or, for a size, its parent must not sit in transit over a weekend."""
        if self.no_weekend_transit:
            return True
        return self.parent_id is not None and self.parent.no_weekend_transit

    def get_missing_image(self):
        return RaceSafeMissingProductImage()


from oscar.apps.catalogue.models import *  # noqa: E402,F403
