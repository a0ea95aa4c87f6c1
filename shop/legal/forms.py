"""The online cancellation notice: which lines, who, and (optionally) why."""

from django import forms

from shop.legal import cancellation


class LineChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, line):
        return f"{line.title} × {line.quantity}"


class CancellationRequestForm(forms.Form):
    lines = LineChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label="Items to cancel",
        error_messages={"required": "Tick at least one item to cancel."},
    )
    name = forms.CharField(max_length=255, label="Your name")
    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Reason (optional)",
        help_text="You don't have to give one; it helps us improve.",
    )
    seals_unbroken = forms.BooleanField(
        required=False, label="The sealed items I am cancelling have not been opened."
    )

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.order = order
        self.rights = {right.line.pk: right for right in cancellation.rights_for(order)}
        pending = cancellation.lines_requested(order)
        allowed = [
            pk for pk, right in self.rights.items() if right.may_cancel and pk not in pending
        ]
        self.fields["lines"].queryset = order.lines.filter(pk__in=allowed).order_by("pk")
        self.fields["lines"].initial = allowed
        address = order.shipping_address
        self.fields["name"].initial = address.name if address else ""
        self.needs_seal = cancellation.is_dispatched(order) and any(
            self.rights[pk].exception == cancellation.SEALED for pk in allowed
        )
        if not self.needs_seal:
            del self.fields["seals_unbroken"]

    def clean(self):
        cleaned = super().clean()
        lines = cleaned.get("lines") or []
        sealed = [line for line in lines if self.rights[line.pk].exception == cancellation.SEALED]
        if self.needs_seal and sealed and not cleaned.get("seals_unbroken"):
            self.add_error(
                "seals_unbroken",
                "Sealed items can be cancelled only if they have not been opened. Untick "
                "them, or confirm the seals are unbroken.",
            )
        return cleaned
