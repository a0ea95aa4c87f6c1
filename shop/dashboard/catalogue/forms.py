"""Catalogue dashboard fork: staff edit VAT rates, food categories, weekend transit and
pack sizes, and every product picture needs a description (its alt text)."""

from django import forms as django_forms
from oscar.apps.dashboard.catalogue import forms
from oscar.core.loading import get_model


class CategoryForm(forms.CategoryForm):
    """Oscar's category form, with the picture's description beside the picture."""

    class Meta(forms.CategoryForm.Meta):
        fields = [
            name
            for field in forms.CategoryForm.Meta.fields
            for name in ((field, "image_alt") if field == "image" else (field,))
        ]


class ProductClassForm(forms.ProductClassForm):
    class Meta(forms.ProductClassForm.Meta):
        fields = [
            *forms.ProductClassForm.Meta.fields,
            "vat_rate",
            "food_kind",
            "cancellation_exception",
            "cancellation_reviewed",
        ]


class ProductForm(forms.ProductForm):
    claims_sign_off_note = django_forms.CharField(
        label="Claims sign-off note",
        required=False,
        widget=django_forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),  # plain text
        help_text="Managers only: to make the product public with claims flags left, say "
        "why the wording may stay.",
    )

    class Meta(forms.ProductForm.Meta):
        fields = [*forms.ProductForm.Meta.fields, "no_weekend_transit", "pack_size", "pack_measure"]

    def __init__(self, product_class, *args, **kwargs):
        super().__init__(product_class, *args, **kwargs)
        if self.instance.is_parent:  # each size carries its own pack size
            self.fields.pop("pack_size", None)
            self.fields.pop("pack_measure", None)

    def delete_non_child_fields(self):
        """Sizes take the flag from their parent, like the description."""
        super().delete_non_child_fields()
        self.fields.pop("no_weekend_transit", None)


class ProductImageForm(forms.ProductImageForm):
    """A picture is shown to shoppers who cannot see it as its caption, so one is required."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        caption = self.fields["caption"]
        caption.label = "Description (alt text)"
        caption.help_text = (
            "What the picture shows, for shoppers who can't see it: e.g. \"A pack of kēpos "
            'beside a glass of water on a kitchen table".'
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("original") and not (cleaned.get("caption") or "").strip():
            self.add_error("caption", "Describe the picture for shoppers who can't see it.")
        return cleaned


class StockLevelForm(django_forms.ModelForm):
    class Meta:
        model = get_model("partner", "StockRecord")
        fields = ["num_in_stock", "low_stock_threshold"]
        labels = {"num_in_stock": "In stock", "low_stock_threshold": "Low-stock threshold"}
        help_texts = {"low_stock_threshold": "Order staff are e-mailed when fewer are available."}

    def clean_num_in_stock(self):
        value = self.cleaned_data["num_in_stock"]
        allocated = self.instance.num_allocated or 0
        if value is not None and value < allocated:
            raise django_forms.ValidationError(
                f"{allocated} are already allocated to orders; stock cannot be lower."
            )
        return value
