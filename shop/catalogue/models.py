"""Catalogue fork: product classes carry their VAT rate and food category."""

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


class ProductClass(AbstractProductClass):
    """Oscar's product class plus the two facts every product of the class shares."""

    class FoodKind(models.TextChoices):
        NOT_FOOD = "", "Not food (equipment, courses)"
        FOOD = "food", "Food"
        DRINK = "drink", "Drink (shows a price per litre)"
        SUPPLEMENT = "supplement", "Food supplement (shows the statutory statements)"

    vat_rate = models.DecimalField(
        "VAT rate (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal("20.00"),
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

    @property
    def vat_fraction(self) -> Decimal:
        """The rate as a fraction (20% -> 0.2)."""
        return self.vat_rate / Decimal(100)


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
    def get_missing_image(self):
        return RaceSafeMissingProductImage()


from oscar.apps.catalogue.models import *  # noqa: E402,F403
