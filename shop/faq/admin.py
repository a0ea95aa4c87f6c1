"""Questions and answers in the Django admin, where Marketing writes them and
sees where each one is shown. Answers are checked for health claims: showing one
with flags left needs a Manager's sign-off note."""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from shop.claims import checker, signoff
from shop.faq.models import FAQCategory, FAQEntry


def entry_parts(question: str, answer: str) -> list[tuple[str, str]]:
    return [part for part in [("Question", question), ("Answer", answer)] if part[1]]


class FAQEntryForm(forms.ModelForm):
    claims_sign_off_note = forms.CharField(
        label="Claims sign-off note",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Managers only: to show the answer with flags left, say why the wording "
        "may stay.",
    )
    request_user = None  # set per request by FAQEntryAdmin

    class Meta:
        model = FAQEntry
        fields = "__all__"  # noqa: DJ007 (the admin's fields choose)

    def clean(self):
        cleaned = super().clean()
        question = cleaned.get("question", self.instance.question)
        answer = cleaned.get("answer", self.instance.answer)
        self.claims_flags = checker.check(entry_parts(question, answer))
        try:
            self.claims_gate = signoff.gate(
                self.claims_flags,
                self.instance if self.instance.pk else None,
                publishing=cleaned.get("is_visible", self.instance.is_visible),
                user=self.request_user,
                note=cleaned.get("claims_sign_off_note", ""),
            )
        except forms.ValidationError as refused:
            self.claims_gate = None
            if "claims_sign_off_note" not in self.fields:  # the list's quick edit
                refused = forms.ValidationError(refused.message_dict["claims_sign_off_note"])
            self.add_error(None, refused)
        return cleaned


@admin.register(FAQCategory)
class FAQCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FAQEntry)
class FAQEntryAdmin(admin.ModelAdmin):
    list_display = ["question", "category", "position", "is_visible", "used_in"]
    list_filter = ["category", "is_visible"]
    list_editable = ["position", "is_visible"]
    list_select_related = ["category"]
    search_fields = ["question", "answer"]
    prepopulated_fields = {"slug": ["question"]}
    autocomplete_fields = ["products"]  # searched by title or UPC (Oscar's ProductAdmin)
    fields = [
        *("category", "question", "slug", "answer", "position", "is_visible", "products"),
        "claims_sign_off_note",
    ]
    form = FAQEntryForm
    change_form_template = "admin/faq/faqentry/change_form.html"

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.request_user = request.user
        return form

    def get_changelist_form(self, request, **kwargs):
        """Showing an answer from the list is checked too (sign-offs are given on the
        question's own page)."""
        kwargs.setdefault("form", FAQEntryForm)
        form = super().get_changelist_form(request, **kwargs)
        form.request_user = request.user
        return form

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        if hasattr(form, "claims_flags"):
            context["claims_flags"] = form.claims_flags
        else:
            context["claims_flags"] = (
                checker.check(entry_parts(obj.question, obj.answer)) if obj else []
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        decision = getattr(form, "claims_gate", None)
        if decision is not None:
            signoff.record(decision, obj, request.user)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count("article_links", distinct=True),
                product_count=Count("products", distinct=True),
            )
        )

    @admin.display(description="Linked from")
    def used_in(self, entry):
        return format_html(
            "{} article{}, {} product{}",
            entry.article_count,
            "" if entry.article_count == 1 else "s",
            entry.product_count,
            "" if entry.product_count == 1 else "s",
        )
