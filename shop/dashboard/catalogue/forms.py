"""Catalogue dashboard fork: staff edit VAT rates, food categories and weekend transit."""

from oscar.apps.dashboard.catalogue import forms


class ProductClassForm(forms.ProductClassForm):
    class Meta(forms.ProductClassForm.Meta):
        fields = [*forms.ProductClassForm.Meta.fields, "vat_rate", "food_kind"]


class ProductForm(forms.ProductForm):
    class Meta(forms.ProductForm.Meta):
        fields = [*forms.ProductForm.Meta.fields, "no_weekend_transit"]

    def delete_non_child_fields(self):
        """Sizes take the flag from their parent, like the description."""
        super().delete_non_child_fields()
        self.fields.pop("no_weekend_transit", None)
