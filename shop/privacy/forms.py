"""The forms of the privacy pages: a customer closing their account, and staff
finding, exporting and erasing a person who asked by e-mail."""

from django import forms

from shop.core.ratelimit import allow

PASSWORD_TRIES_PER_15_MINUTES = 5


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To be sure it is you.",
    )
    confirm = forms.BooleanField(
        label="I understand that my account and personal data will be deleted, "
        "and that this cannot be undone.",
        error_messages={"required": "Tick the box to confirm you want your account deleted."},
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        key = f"privacy-delete:{self.user.pk}"
        if not allow(key, limit=PASSWORD_TRIES_PER_15_MINUTES, window_seconds=900):
            raise forms.ValidationError(
                "Too many tries. Wait 15 minutes, or reset your password first. "
                "Nothing has been deleted."
            )
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing has been deleted.")
        return password


class FindPersonForm(forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="The address the request came from, or the one it names.",
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class StaffExportForm(forms.Form):
    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)
    note = forms.CharField(
        label="Request reference (optional)",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class StaffEraseForm(forms.Form):
    email = forms.EmailField(max_length=254, widget=forms.HiddenInput)
    confirm_email = forms.CharField(
        label="Type the e-mail address to confirm",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    note = forms.CharField(
        label="Note with the request reference",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Where and when the request came, e.g. “E-mail of 3 November, ticket 4812”.",
    )

    def clean(self):
        cleaned = super().clean()
        email, typed = cleaned.get("email"), cleaned.get("confirm_email")
        if email and typed is not None and typed.strip().lower() != email.strip().lower():
            self.add_error(
                "confirm_email",
                "That is not the address shown. Type it exactly to confirm; nothing was erased.",
            )
        return cleaned
