"""Checkout fork: UK postcode checks on the delivery address."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext
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

    def _post_clean(self):
        """A refused postcode is said once, beside the field: the address model, which
        then sees no postcode, would add "Addresses in United Kingdom require a valid
        postcode" above the form as well."""
        super()._post_clean()
        if "postcode" not in self._errors or NON_FIELD_ERRORS not in self._errors:
            return
        required = gettext("Addresses in %(country)s require a valid postcode") % {
            "country": self.instance.country
        }
        others = [error for error in self._errors[NON_FIELD_ERRORS] if error != required]
        if others:
            self._errors[NON_FIELD_ERRORS] = self.error_class(others, error_class="nonfield")
        else:
            del self._errors[NON_FIELD_ERRORS]
