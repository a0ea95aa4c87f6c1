"""Search fork: the sort control of the database-backed product listings."""

from django import forms

SORT_CHOICES = [
    ("featured", "Featured"),
    ("price-asc", "Price: low to high"),
    ("price-desc", "Price: high to low"),
    ("newest", "Newest"),
    ("name", "Name: A to Z"),
]


class ProductSortForm(forms.Form):
    sort_by = forms.ChoiceField(label="Sort by", choices=SORT_CHOICES, required=False)

    def sort_key(self) -> str:
        """The chosen sort, or "featured" when the value is missing or not offered."""
        if self.is_valid() and self.cleaned_data["sort_by"]:
            return self.cleaned_data["sort_by"]
        return "featured"
