"""The card form of gateways that take card details on our page (the test gateway):
used by checkout and by a subscriber changing their card."""

from datetime import date

from django import forms

from shop.gateways.base import Card
from shop.gateways.cards import brand_of, digits_only, passes_luhn


class CardForm(forms.Form):
    """Card details for one payment attempt. Nothing here is ever saved or re-displayed."""

    number = forms.CharField(
        label="Card number",
        max_length=30,
        widget=forms.TextInput(
            attrs={"autocomplete": "cc-number", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    expiry = forms.CharField(
        label="Expiry date (MM/YY)",
        max_length=7,
        widget=forms.TextInput(attrs={"autocomplete": "cc-exp", "inputmode": "numeric"}),
    )
    cvc = forms.CharField(
        label="Security code (CVC)",
        max_length=4,
        widget=forms.TextInput(attrs={"autocomplete": "cc-csc", "inputmode": "numeric"}),
    )

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or date.today()

    def clean_number(self):
        number = digits_only(self.cleaned_data["number"])
        if not number.isdigit() or not 12 <= len(number) <= 19:
            raise forms.ValidationError("Enter the long number on the front of your card.")
        if not passes_luhn(number):
            raise forms.ValidationError("That card number isn't valid; please check it for a typo.")
        return number

    def clean_expiry(self):
        raw = self.cleaned_data["expiry"].replace(" ", "")
        month, _, year = raw.partition("/")
        if not (month.isdigit() and year.isdigit() and len(year) in (2, 4)):
            raise forms.ValidationError("Enter the expiry date as MM/YY, for example 08/29.")
        month, year = int(month), int(year) % 100 + 2000
        if not 1 <= month <= 12:
            raise forms.ValidationError("The expiry month must be from 01 to 12.")
        if (year, month) < (self.today.year, self.today.month):
            raise forms.ValidationError(
                f"This card expired at the end of {month:02d}/{year % 100:02d}."
            )
        if year > self.today.year + 20:
            raise forms.ValidationError("Check the expiry year: it is too far in the future.")
        return month, year

    def clean(self):
        cleaned = super().clean()
        number, cvc = cleaned.get("number"), digits_only(cleaned.get("cvc", ""))
        if number and "cvc" in cleaned:
            _, length = brand_of(number)
            if not (cvc.isdigit() and len(cvc) == length):
                self.add_error("cvc", f"Enter the {length}-digit security code from your card.")
            else:
                cleaned["cvc"] = cvc
        return cleaned

    @property
    def card(self) -> Card:
        month, year = self.cleaned_data["expiry"]
        return Card(self.cleaned_data["number"], month, year, self.cleaned_data["cvc"])
