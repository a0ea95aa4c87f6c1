"""Questions and answers in the Django admin, where Marketing writes them and
sees where each one is shown."""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from shop.faq.models import FAQCategory, FAQEntry


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
    fields = ["category", "question", "slug", "answer", "position", "is_visible", "products"]

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
