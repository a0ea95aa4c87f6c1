"""Shipping fork: the "check delivery to your postcode" form of the delivery page."""

from django import forms

from shop.shipping.postcodes import PostcodeError, normalise, zone_for


class PostcodeCheckForm(forms.Form):
    postcode = forms.CharField(label="Your postcode", max_length=10, strip=True)

    def clean_postcode(self):
        try:
            self.zone = zone_for(self.cleaned_data["postcode"])
        except PostcodeError as error:
            raise forms.ValidationError(str(error)) from None
        return normalise(self.cleaned_data["postcode"])
