"""Checkout fork: UK postcode checks on the delivery address."""

from django import forms
from oscar.apps.checkout import forms as oscar_forms

from shop.shipping.postcodes import PostcodeError, normalise, zone_for


class ShippingAddressForm(oscar_forms.ShippingAddressForm):
    """Oscar's delivery-address form; the postcode must be one we deliver to."""

    def clean_postcode(self):
        postcode = self.cleaned_data.get("postcode", "")
        try:
            zone_for(postcode)
        except PostcodeError as error:
            raise forms.ValidationError(str(error)) from None
        return normalise(postcode)
