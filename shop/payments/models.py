"""Provider events already handled, and what the provider keeps for a customer
(their customer record and saved cards), as references only."""

from django.conf import settings
from django.db import models


class ProcessedEvent(models.Model):
    """One webhook event (by the provider's id) that has been acted on."""

    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=100)
    outcome = models.CharField(max_length=200, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"


class PaymentCustomer(models.Model):
    """The customer record at the payment provider that a shopper's saved cards belong to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="payment_customers"
    )
    gateway = models.CharField(max_length=20)
    reference = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "gateway"], name="one_payment_customer_per_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.gateway}: {self.reference}"


class SavedCard(models.Model):
    """A card saved with the provider for charges made without the customer (renewals).
    Only the provider's token and the card's label: never a number."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_cards"
    )
    gateway = models.CharField(max_length=20)
    customer_reference = models.CharField(max_length=255)
    token = models.CharField(max_length=255)
    brand = models.CharField(max_length=32, blank=True)
    last4 = models.CharField(max_length=4, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["gateway", "token"], name="saved_card_token_once")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.brand or 'Card'} ending {self.last4}"
