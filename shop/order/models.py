"""Order fork: the dates the shopper was promised, and the parcel's tracking number."""

from django.db import models
from oscar.apps.order.abstract_models import AbstractOrder


class Order(AbstractOrder):
    dispatch_on = models.DateField(
        "Dispatch on", null=True, blank=True, db_index=True, help_text="As promised at checkout."
    )
    deliver_from = models.DateField("Earliest delivery", null=True, blank=True)
    deliver_by = models.DateField("Latest delivery", null=True, blank=True)
    tracking_number = models.CharField(max_length=64, blank=True)

    class Meta(AbstractOrder.Meta):
        permissions = [("view_sales_figures", "Can see sales and revenue figures")]

    @property
    def customer_email(self) -> str:
        """Where order e-mails go: the guest's address or the customer's."""
        return self.guest_email or (self.user.email if self.user_id else "")


from oscar.apps.order.models import *  # noqa: E402,F403
