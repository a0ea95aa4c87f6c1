"""Catalogue fork: VAT rate and food category on classes; weekend transit and pack size
on products; a described picture on categories."""

import os
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Sum
from oscar.apps.catalogue.abstract_models import (
    AbstractCategory,
    AbstractProduct,
    AbstractProductClass,
    MissingProductImage,
)

from shop.catalogue.unit_price import PackMeasure
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
    """Oscar's product, plus the delivery fact and the pack size that belong to the
    product itself (sizes carry their own pack size), and verified-buyer reviews."""

    no_weekend_transit = models.BooleanField(
        "No weekend transit",
        default=False,
        help_text="Live goods (kefir, grains): dispatched only when the whole journey falls "
        "on working days, never on a Friday for a Monday arrival. Sizes follow their parent.",
    )

    pack_size = models.DecimalField(
        "Pack size",
        max_digits=10,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text="Net weight or volume of one pack, e.g. 500 for a 500 ml bottle or 150 for "
        "a 150 g pouch. Sets the unit price shown beside every price.",
    )
    pack_measure = models.CharField(
        "Sold by",
        max_length=2,
        choices=PackMeasure.choices,
        default=PackMeasure.NONE,
        blank=True,
    )

    def clean(self):
        super().clean()
        if self.pack_measure and not self.pack_size:
            raise ValidationError(
                {"pack_size": "Enter the pack's net weight or volume, or choose sold by number."}
            )
        if self.pack_size and not self.pack_measure:
            raise ValidationError(
                {"pack_measure": "Choose whether the pack size is a weight (g) or volume (ml)."}
            )

    @property
    def needs_weekday_transit(self) -> bool:
        """This product or, for a size, its parent must not sit in transit over a weekend."""
        if self.no_weekend_transit:
            return True
        return self.parent_id is not None and self.parent.no_weekend_transit

    def get_missing_image(self):
        return RaceSafeMissingProductImage()

    # Reviews: only customers whose order of the product arrived may write one, and the
    # rating shown (cards, page, search engines) is that of verified, approved reviews.

    def review_eligibility(self, user):
        """Whether ``user`` may review this product, and if not why (asked twice a page,
        worked out once)."""
        from shop.catalogue.reviews.eligibility import eligibility

        memo = self.__dict__.setdefault("_review_eligibility", {})
        if user.pk not in memo:
            memo[user.pk] = eligibility(user, self)
        return memo[user.pk]

    def is_review_permitted(self, user):
        return self.review_eligibility(user).allowed

    def verified_reviews(self):
        return self.reviews.approved().filter(verified_purchase=True)

    def calculate_rating(self):
        result = self.verified_reviews().aggregate(total=Sum("score"), count=Count("id"))
        return float(result["total"]) / result["count"] if result["count"] else None

    @property
    def num_verified_reviews(self) -> int:
        """Read from the listing's annotation when there is one (no query per card), else
        counted once."""
        if not hasattr(self, "verified_review_count"):
            self.verified_review_count = self.verified_reviews().count()
        return self.verified_review_count


class Category(AbstractCategory):
    """A category's picture is a wide lifestyle photograph at the top of its page and
    beside its range on the home page, so, like every picture, it is described."""

    image_alt = models.CharField(
        "Image description",
        max_length=200,
        blank=True,
        help_text="What the picture shows, for people who cannot see it.",
    )

    def clean(self):
        super().clean()
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the picture for screen readers."})


from oscar.apps.catalogue.models import *  # noqa: E402,F403
