"""The claims check in an admin form: a sign-off note field, the publish gate in the
form's clean, and the flags for the page's panel. Content owners subclass these and say
what their text is and when a save publishes it."""

from django import forms

from shop.claims import checker, signoff


class ClaimsCheckedForm(forms.ModelForm):
    """A model form whose text is checked; publishing with flags left needs a Manager's
    sign-off note (``claims_gate`` records the decision for the admin to keep)."""

    claims_sign_off_note = forms.CharField(
        label="Claims sign-off note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Managers only: to publish with claims flags left, say why the wording may stay.",
    )
    request_user = None  # set per request by ClaimsCheckedAdmin.get_form
    quick_edit = False  # a change list's row: no sign-off field shown, so errors go on top
    claims_gate = None
    claims_flags: list = []

    def claims_parts(self, cleaned: dict) -> list[tuple[str, str]]:
        raise NotImplementedError

    def claims_publishing(self, cleaned: dict) -> bool:
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        self.claims_flags = checker.check(self.claims_parts(cleaned))
        try:
            self.claims_gate = signoff.gate(
                self.claims_flags,
                self.instance if self.instance.pk else None,
                publishing=self.claims_publishing(cleaned),
                user=self.request_user,
                note=cleaned.get("claims_sign_off_note", ""),
            )
        except forms.ValidationError as refused:
            if self.quick_edit:
                refused = forms.ValidationError(refused.message_dict["claims_sign_off_note"])
            self.add_error(None, refused)
        return cleaned


class ClaimsCheckedAdmin:
    """ModelAdmin mixin: the form knows who is saving, and the page's claims panel shows
    the flags of what was posted or, before that, of what is stored."""

    def claims_saved_parts(self, obj) -> list[tuple[str, str]]:
        raise NotImplementedError

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.request_user = request.user
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if form.is_bound:
            context["claims_flags"] = form.claims_flags
        else:
            context["claims_flags"] = checker.check(self.claims_saved_parts(obj)) if obj else []
        return super().render_change_form(request, context, add, change, form_url, obj)

    def record_sign_off(self, request, form, obj):
        """Keep the sign-off given in this save (after the object is saved); returns it."""
        decision = form.claims_gate
        return signoff.record(decision, obj, request.user) if decision is not None else None
