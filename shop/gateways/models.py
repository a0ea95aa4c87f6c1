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
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "test payment intent"

    def __str__(self) -> str:
        return f"{self.reference} ({self.status})"
