"""Order fork: the form guests use to find their order."""

from django import forms


class OrderLookupForm(forms.Form):
    number = forms.CharField(label="Order number", max_length=32)
    email = forms.EmailField(label="E-mail address used for the order")

    def clean_number(self):
        return self.cleaned_data["number"].strip().lstrip("#")
