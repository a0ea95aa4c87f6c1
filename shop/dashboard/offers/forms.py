"""The offer wizard's forms, with cross-field checks that tolerate invalid fields."""

from django import forms
from oscar.apps.dashboard.offers import forms as oscar_forms
from oscar.apps.dashboard.offers.forms import *  # noqa: F403


class RestrictionsForm(oscar_forms.RestrictionsForm):
    def clean(self):
        """Oscar's checks, run only on the fields that are valid (a bad date or an
        unknown offer to combine with is already that field's error)."""
        cleaned_data = forms.ModelForm.clean(self)
        start, end = cleaned_data.get("start_datetime"), cleaned_data.get("end_datetime")
        if start and end and end < start:
            raise forms.ValidationError("The end date must be after the start date.")
        if cleaned_data.get("exclusive") and cleaned_data.get("combinations"):
            raise forms.ValidationError("Exclusive offers cannot be combined.")
        return cleaned_data
