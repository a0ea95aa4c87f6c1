"""Order fork: the dates the shopper was promised, the parcel's tracking number, and
what the shopper reviewed before paying, and the terms they accepted."""

from django.db import models
from django.db.models.functions import Upper
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    dispatch_on = models.DateField(
        "Dispatch on", null=True, blank=True, db_index=True, help_text="As promised at checkout."
    )
    deliver_from = models.DateField("Earliest delivery", null=True, blank=True)
    deliver_by = models.DateField("Latest delivery", null=True, blank=True)
    tracking_number = models.CharField(max_length=64, blank=True)
    # What the shopper reviewed (shop.checkout.review.fingerprint): a retried
    # payment reuses this Pending payment order only for the same lines and total.
    checkout_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # The wording the shopper accepted by placing the order (shop.legal).
    terms_accepted = models.ForeignKey(
        "legal.LegalPageVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="terms of sale accepted",
    )
    subscription_terms_accepted = models.ForeignKey(
        "legal.LegalPageVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="subscription terms accepted",
    )

    class Meta(AbstractOrder.Meta):
        permissions = [("view_sales_figures", "Can see sales and revenue figures")]
        # Staff find orders by a guest's e-mail in any case (the dashboard's order search).
        indexes = [models.Index(Upper("guest_email"), name="order_guest_email_upper")]

    @property
    def customer_email(self) -> str:
        """Where order e-mails go: the guest's address or the customer's."""
        return self.guest_email or (self.user.email if self.user_id else "")


from oscar.apps.order.models import *  # noqa: E402,F403
