"""The sign-up form: one e-mail address, and where to go back to afterwards."""

from django import forms

from shop.newsletter.services import normalise_email


class SignupForm(forms.Form):
    email = forms.CharField(
        label="Your e-mail address",
        max_length=254,
        error_messages={
            "required": "Enter your e-mail address.",
            "max_length": "That e-mail address is too long.",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except forms.ValidationError:
            raise forms.ValidationError(
                "Enter a valid e-mail address, like name@example.com.", code="invalid"
            ) from None
