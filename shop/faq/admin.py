"""Questions and answers in the Django admin, where Marketing writes them and
sees where each one is shown. Answers are checked for health claims: showing one
with flags left needs a Manager's sign-off note."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from shop.claims.admin_forms import ClaimsCheckedAdmin, ClaimsCheckedForm
from shop.faq.models import FAQCategory, FAQEntry


def entry_parts(question: str, answer: str) -> list[tuple[str, str]]:
    return [part for part in [("Question", question), ("Answer", answer)] if part[1]]


class FAQEntryForm(ClaimsCheckedForm):
    class Meta:
        model = FAQEntry
        fields = "__all__"  # noqa: DJ007 (the admin's fields choose)

    def claims_parts(self, cleaned):
        question = cleaned.get("question", self.instance.question)
        return entry_parts(question, cleaned.get("answer", self.instance.answer))

    def claims_publishing(self, cleaned):
        return cleaned.get("is_visible", self.instance.is_visible)


@admin.register(FAQCategory)
class FAQCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(FAQEntry)
class FAQEntryAdmin(ClaimsCheckedAdmin, admin.ModelAdmin):
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

    class Media:
        css = {"all": ["shop/css/admin_editor.css"]}

    def get_changelist_form(self, request, **kwargs):
        """Showing an answer from the list is checked too (sign-offs are given on the
        question's own page)."""
        kwargs.setdefault("form", FAQEntryForm)
        form = super().get_changelist_form(request, **kwargs)
        form.request_user, form.quick_edit = request.user, True
        return form

    def claims_saved_parts(self, entry):
        return entry_parts(entry.question, entry.answer)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.record_sign_off(request, form, obj)

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
