"""Shipping dashboard fork: forms for delivery methods and closure days."""

from decimal import Decimal

from django import forms
from oscar.core.loading import get_model

from shop.workdays.models import Closure

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


class DeliveryMethodForm(forms.ModelForm):
    # Most methods charge per order only: an empty box means no per-item charge.
    price_per_item = forms.DecimalField(
        label="Charge per item (£, VAT included)",
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text="Added for each item that is posted; leave empty for none.",
    )

    def clean_price_per_item(self):
        return self.cleaned_data["price_per_item"] or Decimal("0.00")

    class Meta:
        model = DeliveryMethod
        fields = [
            "name",
            "description",
            "is_active",
            "is_headline",
            "position",
            "price_per_order",
            "price_per_item",
            "free_shipping_threshold",
            "serves_mainland",
            "serves_highlands_islands",
            "highlands_islands_surcharge",
            "serves_northern_ireland",
            "northern_ireland_surcharge",
            "cutoff_time",
            "transit_days_min",
            "transit_days_max",
        ]
        labels = {
            "price_per_order": "Charge per order (£, VAT included)",
            "free_shipping_threshold": "Free from (£, VAT included)",
        }
        help_texts = {
            "free_shipping_threshold": "Basket total after discounts, without delivery; "
            "a total equal to it qualifies. Leave empty for no free delivery.",
            "description": "Shown to shoppers at checkout, e.g. “Tracked, signed for”.",
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "cutoff_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class ClosureForm(forms.ModelForm):
    class Meta:
        model = Closure
        fields = ["reason", "first_day", "last_day"]
        widgets = {
            "first_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "last_day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
