"""Forms a subscriber (and staff) use to change a subscription."""

from django import forms
from oscar.core.loading import get_model

from shop.payments.models import SavedCard
from shop.shipping.postcodes import PostcodeError
from shop.shipping.repository import zone_of_address
from shop.subscriptions.models import MAX_QUANTITY, offer_for, weeks_label

Product = get_model("catalogue", "Product")
UserAddress = get_model("address", "UserAddress")


def size_choices(subscription) -> list:
    """The product's sizes that can be subscribed to (the current one always)."""
    product = subscription.product
    sizes = list(product.parent.get_public_children()) if product.parent_id else [product]
    return [s for s in sizes if s.pk == product.pk or offer_for(s) is not None]


class ChangeForm(forms.Form):
    product = forms.TypedChoiceField(label="Size", coerce=int)
    weeks = forms.TypedChoiceField(label="Deliver every", coerce=int)
    quantity = forms.IntegerField(label="Quantity", min_value=1, max_value=MAX_QUANTITY)

    def __init__(self, subscription, *args, **kwargs):
        initial = {
            "product": subscription.product_id,
            "weeks": subscription.weeks,
            "quantity": subscription.quantity,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.subscription = subscription
        self.sizes = {s.pk: s for s in size_choices(subscription)}
        self.fields["product"].choices = [(pk, size.get_title()) for pk, size in self.sizes.items()]
        weeks = set()
        for size in self.sizes.values():
            offer = offer_for(size)
            weeks.update(offer.frequencies if offer else [])
        weeks.add(subscription.weeks)
        self.fields["weeks"].choices = [(w, weeks_label(w)) for w in sorted(weeks)]
        if len(self.sizes) < 2:
            self.fields["product"].widget = forms.HiddenInput()

    def clean(self):
        cleaned = super().clean()
        size = self.sizes.get(cleaned.get("product"))
        weeks = cleaned.get("weeks")
        if size is None or weeks is None:
            return cleaned
        offer = offer_for(size)
        unchanged = size.pk == self.subscription.product_id and weeks == self.subscription.weeks
        if not unchanged and (offer is None or weeks not in offer.frequencies):
            offered = ", ".join(weeks_label(w) for w in offer.frequencies) if offer else "none"
            self.add_error("weeks", f"{size.get_title()} comes every {offered}.")
        cleaned["size"] = size
        cleaned["offer"] = offer
        return cleaned

    def changes(self) -> dict:
        size, offer = self.cleaned_data["size"], self.cleaned_data["offer"]
        changes = {"weeks": self.cleaned_data["weeks"], "quantity": self.cleaned_data["quantity"]}
        if size.pk != self.subscription.product_id:
            changes.update(product=size, saving_percent=offer.saving_percent)
        return changes


class AddressForm(forms.Form):
    address = forms.ModelChoiceField(
        queryset=UserAddress.objects.none(), widget=forms.RadioSelect, label="Deliver to"
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["address"].queryset = UserAddress.objects.filter(user=user)
        self.fields["address"].label_from_instance = lambda a: a.summary

    def clean_address(self):
        address = self.cleaned_data["address"]
        try:
            zone_of_address(address)
        except PostcodeError as error:
            raise forms.ValidationError(str(error)) from None
        return address


class SavedCardForm(forms.Form):
    card = forms.ModelChoiceField(
        queryset=SavedCard.objects.none(), widget=forms.RadioSelect, label="Charge to"
    )

    def __init__(self, user, gateway_code: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["card"].queryset = SavedCard.objects.filter(user=user, gateway=gateway_code)
        self.fields["card"].label_from_instance = lambda card: card.label


class StaffActionForm(forms.Form):
    ACTIONS = [("skip", "Skip the next delivery"), ("pause", "Pause"), ("resume", "Resume"),
               ("cancel", "Cancel")]  # fmt: skip
    action = forms.ChoiceField(choices=ACTIONS)
    note = forms.CharField(
        label="Note (why, for the record)",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Required: what the customer asked for, and how (chat, e-mail, phone).",
    )
