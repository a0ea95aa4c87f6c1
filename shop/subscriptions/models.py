"""Subscribe & save: what can be subscribed (per product or size, the frequencies
offered and the saving; data Marketing edits), the customers' subscriptions,
each due date's renewal and the history of changes."""

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

MAX_WEEKS = 26
MAX_QUANTITY = 20
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
        return discounted(one_off, self.saving_percent)


def discounted(one_off: Decimal, saving_percent: int) -> Decimal:
    """A price less ``saving_percent``, to the penny (half up)."""
    factor = (Decimal(100) - saving_percent) / Decimal(100)
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


class SubscriptionQuerySet(models.QuerySet):
    def due(self, *, today, now):
        """Renewals to make now: active ones whose date has come, failing ones to retry."""
        return self.filter(
            models.Q(status=Subscription.Status.ACTIVE, next_date__lte=today)
            | models.Q(status=Subscription.Status.FAILING, retry_at__lte=now)
        )

    def to_remind(self, *, today, days_before: int):
        """Active subscriptions renewing within ``days_before`` days, not yet reminded."""
        return self.filter(
            status=Subscription.Status.ACTIVE,
            next_date__gt=today,
            next_date__lte=today + timedelta(days=days_before),
        ).exclude(reminded_for=models.F("next_date"))


class Subscription(models.Model):
    """One customer's repeat delivery of one product size, charged to a saved card."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        FAILING = "failing", "Payment failing"
        CANCELLED = "cancelled", "Cancelled"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="subscriptions"
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.PROTECT, related_name="subscriptions"
    )
    quantity = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_QUANTITY)]
    )
    weeks = models.PositiveSmallIntegerField(
        "every (weeks)", validators=[MinValueValidator(1), MaxValueValidator(MAX_WEEKS)]
    )
    # Agreed at sign-up: a later change to the offer does not raise this price.
    saving_percent = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(50)]
    )
    shipping_code = models.CharField(max_length=128)
    address = models.ForeignKey("order.ShippingAddress", on_delete=models.PROTECT, related_name="+")
    card = models.ForeignKey(
        "payments.SavedCard", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    next_date = models.DateField("next delivery", db_index=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    first_failed_at = models.DateTimeField(null=True, blank=True)
    retry_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reminded_for = models.DateField(null=True, blank=True)
    origin_order = models.ForeignKey(
        "order.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    cancelled_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_subscription", "Skip, pause or cancel for a customer"),
            ("view_subscription_figures", "See subscription revenue figures"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["origin_order", "product"], name="one_subscription_per_order_line"
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.quantity} × {self.product} every {self.weeks_label}"

    @property
    def weeks_label(self) -> str:
        return weeks_label(self.weeks)

    @property
    def is_live(self) -> bool:
        return self.status in (self.Status.ACTIVE, self.Status.FAILING)


class Renewal(models.Model):
    """One due date of a subscription: at most one per date, whatever runs at once."""

    class Outcome(models.TextChoices):
        CHARGING = "charging", "Being charged"
        PAID = "paid", "Paid"
        FAILED = "failed", "Payment failed"
        NEEDS_AUTHENTICATION = "authenticate", "Waiting for the customer to authenticate"
        OUT_OF_STOCK = "out-of-stock", "Skipped: out of stock"
        SKIPPED = "skipped", "Skipped"

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="renewals"
    )
    due_date = models.DateField()
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.CHARGING)
    order = models.ForeignKey(
        "order.Order", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-due_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "due_date"], name="one_renewal_per_due_date"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscription_id} on {self.due_date}: {self.get_outcome_display()}"


class SubscriptionEvent(models.Model):
    """What happened to a subscription and who did it: the customer, staff (with a
    note) or the renewal job."""

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=40)
    note = models.TextField(blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.action}"


def weeks_label(weeks: int) -> str:
    return "week" if weeks == 1 else f"{weeks} weeks"
