"""Rows that keep an order (takeaways, sections, FAQ questions, related products): writers
drag them, and the positions
follow by themselves.

In the editor each row's position is a hidden box that ``static/shop/js/admin_reorder.js``
renumbers in the order the rows stand after a drag (or a Move up / Move down press).
Whatever arrives, the formset numbers the kept rows 1, 2, 3... in that order; a row
with no position (added without JavaScript) goes last, so nothing starts at 0 again.
"""

from django import forms


def in_dropped_order(formset, *tie_breakers: str) -> list:
    """The formset's kept rows (valid, not deleted) in the order the writer left them:
    by position (rows without one last), then by each of ``tie_breakers``, then as posted."""
    rows = [
        (index, form)
        for index, form in enumerate(formset.forms)
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]

    def key(row):
        index, form = row
        values = [form.cleaned_data.get(name) for name in ("position", *tie_breakers)]
        return (*((value is None, value or 0) for value in values), index)

    return [form for _, form in sorted(rows, key=key)]


def force_changed(form, field: str = "position") -> None:
    """Save a row the formset changed (renumbered, rewrote) even if the writer changed
    nothing in it: Django skips unchanged rows."""
    form.has_changed = lambda: True
    if field not in form.changed_data:
        form.changed_data.append(field)


class OrderedFormSetMixin:
    """For inline formsets of models with a ``position`` field."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields.get("position")
        if field is not None:
            field.required = False
            field.widget = forms.HiddenInput(attrs={"data-position": ""})
            if form.instance.pk is None:
                form.initial["position"] = ""

    def number_positions(self) -> None:
        for number, form in enumerate(in_dropped_order(self), start=1):
            if form.instance.position != number:
                force_changed(form)
            form.cleaned_data["position"] = form.instance.position = number

    def clean(self):
        super().clean()
        self.number_positions()


class OrderedInlineFormSet(OrderedFormSetMixin, forms.BaseInlineFormSet):
    pass
