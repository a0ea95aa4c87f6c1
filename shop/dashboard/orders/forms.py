"""Orders dashboard fork: more ways to find orders, and the dispatch and refund forms."""

from decimal import Decimal

from django import forms
from oscar.apps.dashboard.orders import forms as oscar_forms
from oscar.core.loading import get_model

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


class OrderSearchForm(oscar_forms.OrderSearchForm):
    order_query = forms.CharField(
        required=False, label="Number, e-mail or postcode", max_length=254
    )
    delivery_method = forms.ChoiceField(label="Delivery method", required=False, choices=())
    dispatch_on = forms.DateField(
        required=False, label="Dispatch date", widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = DeliveryMethod.objects.order_by("name").values_list("name", flat=True)
        self.fields["delivery_method"].choices = [("", "---------"), *((n, n) for n in names)]


class DispatchForm(forms.Form):
    tracking_number = forms.CharField(
        label="Tracking number",
        max_length=64,
        help_text="From the courier's label; the customer gets it by e-mail.",
    )

    def clean_tracking_number(self):
        value = "".join(self.cleaned_data["tracking_number"].split()).upper()
        if not value.isalnum():
            raise forms.ValidationError("Use only the letters and digits on the courier's label.")
        return value


class RefundForm(forms.Form):
    amount = forms.DecimalField(
        label="Amount to refund (£)", min_value=Decimal("0.01"), decimal_places=2
    )
    reason = forms.CharField(label="Reason", max_length=200, required=False)

    def __init__(self, *args, refundable: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.refundable = refundable
        self.fields["amount"].initial = refundable
        self.fields["amount"].help_text = f"Up to £{refundable}."

    def clean_amount(self):
        amount = self.cleaned_data["amount"]
        if amount > self.refundable:
            raise forms.ValidationError(f"At most £{self.refundable} is left to refund.")
        return amount
