"""References follow the order writers drag them into: they are numbered 1, 2, 3... in
that order when the article is saved, and every citation in the sections follows its
reference to the new number ([3] becomes [1] when reference 3 is dragged to the top).

The editor posts each reference's number as it was and a hidden position (its place
after the drag, static/shop/js/admin_reorder.js); rows without a position keep the
order of their numbers, and new rows without a number come last.
"""

import re

from django import forms
from django.db.models import F

from blog.models import CITATION, Reference
from blog.ordering import force_changed, in_dropped_order

TEMPORARY_OFFSET = 10_000  # numbers while renumbering, clear of the unique constraint


def rewrite_citations(html: str, mapping: dict[int, int]) -> str:
    """``html`` with each cited number replaced by its new one: [2, 3] -> [1, 3];
    ranges become lists when their numbers no longer run on ([1–3] -> [2, 1, 3])."""

    def renumber(match: re.Match) -> str:
        numbers = []
        for part in re.split(r"\s*,\s*", match.group(1)):
            bounds = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
            numbers += list(range(bounds[0], bounds[-1] + 1))
        new = [mapping.get(n, n) for n in numbers]
        runs_on = len(new) > 2 and new == list(range(new[0], new[0] + len(new)))
        if runs_on and new != numbers:
            return f"[{new[0]}–{new[-1]}]"
        if new == numbers:
            return match.group(0)
        return "[" + ", ".join(str(n) for n in new) + "]"

    return CITATION.sub(renumber, html or "")


class ReferenceFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["number"].required = False
        form.fields["number"].help_text = (
            "Cited in the text as [number]. Drag to reorder: the numbers follow the order "
            "when you save, and so do the citations."
        )
        form.fields["position"] = forms.IntegerField(
            required=False, widget=forms.HiddenInput(attrs={"data-position": ""})
        )

    def renumber(self) -> dict[int, int]:
        """Number the kept references in order; the old -> new numbers that changed."""
        if getattr(self, "_mapping", None) is not None:
            return self._mapping
        mapping, self.citable = {}, set()
        for new, form in enumerate(in_dropped_order(self, "number"), start=1):
            old = form.cleaned_data.get("number")
            # What the text may cite as written: each kept reference's number as it was,
            # or the number a new one without a number is given.
            self.citable.add(new if old is None else old)
            if old is not None and old != new:
                mapping[old] = new
            if form.instance.number != new:
                force_changed(form, "number")
            form.cleaned_data["number"] = form.instance.number = new
        self._mapping = mapping
        return mapping

    def clean(self):
        super().clean()
        self.renumber()

    def validate_unique(self):
        """Numbers are given by renumber(), unique by construction."""

    def save_existing_objects(self, commit=True):
        """Move renumbered (and deleted) rows out of the way first: two references
        swapping numbers would otherwise meet the unique constraint half-way."""
        moving = [
            form.instance.pk
            for form in self.initial_forms
            if form.instance.pk
            and ("number" in form.changed_data or self._should_delete_form(form))
        ]
        if commit and moving:
            Reference.objects.filter(pk__in=moving).update(number=F("number") + TEMPORARY_OFFSET)
        return super().save_existing_objects(commit)
