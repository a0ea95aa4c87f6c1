"""Catalogue dashboard fork: the product type form edits VAT rate and food information."""

from oscar.apps.dashboard.catalogue import forms


class ProductClassForm(forms.ProductClassForm):
    class Meta(forms.ProductClassForm.Meta):
        fields = [*forms.ProductClassForm.Meta.fields, "vat_rate", "food_kind"]
