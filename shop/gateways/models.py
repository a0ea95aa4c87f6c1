"""The built-in test gateway's payment intents (a real provider keeps its own)."""

from django.db import models


class TestIntent(models.Model):
    """One payment intent of the test gateway, shaped like Stripe's."""

    __test__ = False  # not a pytest test class, despite the name

    reference = models.CharField(max_length=40, unique=True)
    idempotency_key = models.CharField(max_length=200, unique=True)
    order_number = models.CharField(max_length=128, db_index=True)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=32)
    brand = models.CharField(max_length=32, blank=True)
    last4 = models.CharField(max_length=4, blank=True)
    failure_message = models.CharField(max_length=300, blank=True)
    return_url = models.CharField(max_length=500, blank=True)
    refunded = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    # Saving the card for later charges (Stripe's customer + setup_future_usage).
    customer = models.CharField(max_length=40, blank=True)
    save_card = models.BooleanField(default=False)
    card_outcome = models.CharField(max_length=20, blank=True)  # of the card confirming it
    payment_method = models.CharField(max_length=40, blank=True)
    failure_code = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "test payment intent"

    def __str__(self) -> str:
        return f"{self.reference} ({self.status})"


class TestCustomer(models.Model):
    """A customer of the test gateway, whom cards are saved to."""

    __test__ = False

    reference = models.CharField(max_length=40, unique=True)
    idempotency_key = models.CharField(max_length=200, unique=True)
    email = models.EmailField()

    def __str__(self) -> str:
        return self.reference


class TestPaymentMethod(models.Model):
    """A saved test card: an opaque token recording only what later charges do
    (succeed, fail, or ask the customer to authenticate), the brand and last four."""

    __test__ = False

    class Outcome(models.TextChoices):
        SUCCEEDS = "succeeds", "charges succeed"
        FAILS = "fails", "charges are declined"
        AUTHENTICATES = "authenticates", "charges need the customer to authenticate"

    token = models.CharField(max_length=40, unique=True)
    customer = models.CharField(max_length=40, db_index=True)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    brand = models.CharField(max_length=32)
    last4 = models.CharField(max_length=4)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.token} ({self.brand} {self.last4}, {self.outcome})"
