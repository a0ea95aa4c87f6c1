"""What can be subscribed: per product (a size, or a product for all its sizes),
the delivery frequencies offered and the saving. Data Marketing edits."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

MAX_WEEKS = 26
PENNY = Decimal("0.01")


def parse_weeks(text: str) -> list[int]:
    """ "2, 4, 6,8" -> [2, 4, 6, 8]; raises ValidationError with a reason."""
    parts = [part.strip() for part in str(text or "").split(",") if part.strip()]
    if not parts:
        raise ValidationError("List at least one frequency in weeks, like 2, 4, 6, 8.")
    weeks = []
    for part in parts:
        if not part.isdigit() or not 1 <= int(part) <= MAX_WEEKS:
            raise ValidationError(f"“{part}” is not a number of weeks from 1 to {MAX_WEEKS}.")
        weeks.append(int(part))
    if len(set(weeks)) != len(weeks):
        raise ValidationError("Each frequency once, please.")
    return sorted(weeks)


def validate_weeks(text: str) -> None:
    parse_weeks(text)


class SubscriptionOfferQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class SubscriptionOffer(models.Model):
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="subscription_offer",
        help_text="A size, or a product with sizes (then every size without its own offer).",
    )
    weeks = models.CharField(
        "delivery every (weeks)",
        max_length=60,
        default="2, 4, 6, 8",
        validators=[validate_weeks],
        help_text="The frequencies offered, in weeks, separated by commas.",
    )
    default_weeks = models.PositiveSmallIntegerField(
        "preselected frequency (weeks)", default=4, help_text="Must be one of the frequencies."
    )
    saving_percent = models.PositiveSmallIntegerField(
        "saving (%)",
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text="Taken off the one-off price of every delivery.",
    )
    is_active = models.BooleanField("offered", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SubscriptionOfferQuerySet.as_manager()

    class Meta:
        verbose_name = "subscription offer"
        ordering = ["product__title"]

    def __str__(self) -> str:
        return f"{self.product}: save {self.saving_percent}%, every {self.weeks} weeks"

    @property
    def frequencies(self) -> list[int]:
        return parse_weeks(self.weeks)

    def clean(self):
        try:
            weeks = parse_weeks(self.weeks)
        except ValidationError:
            return  # the field's own validator says why
        if self.default_weeks not in weeks:
            raise ValidationError(
                {"default_weeks": f"Choose one of the frequencies offered: {self.weeks}."}
            )

    def price_per_delivery(self, one_off: Decimal) -> Decimal:
        """The subscriber's price for one delivery, to the penny (half up)."""
        factor = (Decimal(100) - self.saving_percent) / Decimal(100)
        return (one_off * factor).quantize(PENNY, rounding=ROUND_HALF_UP)


def offer_for(product) -> SubscriptionOffer | None:
    """The active offer for ``product``: its own, else its parent's (for every size)."""
    candidates = [product.pk] + ([product.parent_id] if product.parent_id else [])
    offers = {
        o.product_id: o
        for o in SubscriptionOffer.objects.active().filter(product_id__in=candidates)
    }
    for pk in candidates:
        if pk in offers:
            return offers[pk]
    return None
