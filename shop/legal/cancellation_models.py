"""A shopper's notice that they cancel (part of) an order, for Customer service to act on."""

from django.conf import settings
from django.db import models
from django.urls import reverse


class CancellationRequestQuerySet(models.QuerySet):
    def for_list(self) -> "CancellationRequestQuerySet":
        return self.select_related("order", "handled_by").prefetch_related("lines")

    def open(self) -> "CancellationRequestQuerySet":
        return self.filter(status=CancellationRequest.Status.RECEIVED)


class CancellationRequest(models.Model):
    """Sent from the order page, the guest order lookup, or recorded by staff from a
    letter or the model form. Receiving it is what starts the refund clock (14 days
    from getting the goods back, or evidence they were sent)."""

    class Status(models.TextChoices):
        RECEIVED = "received", "Received: to handle"
        ACCEPTED = "accepted", "Accepted: awaiting the goods or refunding"
        REFUNDED = "refunded", "Refunded"
        DECLINED = "declined", "Declined (an exception applies)"
        WITHDRAWN = "withdrawn", "Withdrawn by the customer"

    class Source(models.TextChoices):
        ONLINE = "online", "Online form"
        STAFF = "staff", "Recorded by staff (letter, e-mail or phone)"

    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, related_name="cancellation_requests"
    )
    lines = models.ManyToManyField("order.Line", related_name="cancellation_requests")
    name = models.CharField(max_length=255)
    email = models.EmailField()
    reason = models.TextField(
        blank=True, max_length=2000, help_text="Optional: the law does not require a reason."
    )
    seals_unbroken = models.BooleanField(
        default=False, help_text="The shopper says sealed items have not been opened."
    )
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ONLINE)
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    refund_goods = models.DecimalField(max_digits=12, decimal_places=2)
    refund_delivery = models.DecimalField(
        max_digits=12,
        decimal_places=2,
        help_text="Up to the standard delivery charge, when the whole order is cancelled.",
    )
    staff_note = models.TextField(blank=True, max_length=4000)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CancellationRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at", "-pk"]
        permissions = [("handle_cancellationrequest", "Can handle cancellation requests")]

    def __str__(self) -> str:
        return f"Cancellation of order {self.order.number} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("dashboard:cancellation-detail", kwargs={"pk": self.pk})

    @property
    def refund_total(self):
        return self.refund_goods + self.refund_delivery
