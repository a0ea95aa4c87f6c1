"""The blog in the Django admin, where Marketing writes articles.

Saving an article checks that every [n] in its sections has a reference,
keeps a revision of the whole article, and makes the hero image renditions.
Revisions can be compared and restored from the article's page.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import slugify

from blog import claims, publishing, readiness, revisions
from blog.faq_inline import ArticleFAQForm
from blog.images import generate_renditions
from blog.models import (
    Article,
    ArticleFAQ,
    ArticleProduct,
    Author,
    BlogSettings,
    Category,
    KeyTakeaway,
    Reference,
    Section,
    Tag,
    cited_numbers,
)
from blog.ordering import OrderedFormSetMixin, OrderedInlineFormSet, force_changed
from blog.references import ReferenceFormSet, rewrite_citations
from blog.revision_admin import RevisionsAdminMixin
from shop.claims import signoff
from shop.claims.admin_forms import ClaimsCheckedAdmin, ClaimsCheckedForm
from shop.core.text import first_free


class SectionFormSet(OrderedFormSetMixin, forms.BaseInlineFormSet):
    """Sections get their anchors from their headings when left empty (unique in the
    article, before the uniqueness check that refused two empty ones), follow their
    references' new numbers (blog.references), and may only cite references the article
    has (checked against the reference rows submitted with them, deleted ones excluded)."""

    references_formset = None

    def clean(self):
        self.fill_empty_anchors()
        super().clean()
        self.check_citations()

    def fill_empty_anchors(self):
        rows = [form for form in self.forms if getattr(form, "cleaned_data", None)]
        # Anchors typed or kept, those of rows being deleted (still in the table while
        # the others are saved) and those of sections this post does not include (another
        # tab's) are taken.
        taken = {form.cleaned_data.get("anchor") for form in rows} - {"", None}
        if self.instance.pk:
            posted = [form.instance.pk for form in self.forms if form.instance.pk]
            taken |= set(
                Section.objects.filter(article=self.instance)
                .exclude(pk__in=posted)
                .values_list("anchor", flat=True)
            )
        for form in rows:
            if form.cleaned_data.get("anchor") or form.cleaned_data.get("DELETE"):
                continue
            base = slugify(form.cleaned_data.get("heading") or "")[:70] or "section"
            anchor = first_free(base, taken.__contains__)
            taken.add(anchor)
            form.cleaned_data["anchor"] = form.instance.anchor = anchor

    def check_citations(self):
        if self.references_formset is None or not self.references_formset.is_valid():
            return
        references = self.references_formset
        mapping = references.renumber()  # citations follow their references
        numbers = references.citable  # as the writer sees them: numbers before renumbering
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            body = form.cleaned_data.get("body", "")
            missing = sorted(cited_numbers(body) - numbers)
            if missing:
                listed = ", ".join(f"[{n}]" for n in missing)
                have = ", ".join(str(n) for n in sorted(numbers)) or "none"
                form.add_error(
                    "body", f"This section cites {listed}, but the references are: {have}."
                )
            elif mapping and (rewritten := rewrite_citations(body, mapping)) != body:
                form.cleaned_data["body"] = form.instance.body = rewritten
                force_changed(form, "body")


class TakeawayInline(admin.TabularInline):
    model = KeyTakeaway
    formset = OrderedInlineFormSet
    extra = 0
    fields = ["position", "text"]


class SectionInline(admin.StackedInline):
    model = Section
    formset = SectionFormSet
    extra = 0
    fields = ["position", "heading", "anchor", "body", "pull_quote"]


class ReferenceInline(admin.TabularInline):
    model = Reference
    formset = ReferenceFormSet
    extra = 0
    fields = ["number", "authors", "title", "journal", "year", "pmid", "doi", "url"]


class FAQLinkInline(admin.StackedInline):
    model = ArticleFAQ
    form = ArticleFAQForm
    formset = OrderedInlineFormSet
    extra = 0
    autocomplete_fields = ["entry"]
    fields = ["position", "entry", "new_question", "new_answer", "new_category"]
    verbose_name = "FAQ question"
    verbose_name_plural = "FAQ block (questions answered under the article)"


class ProductLinkInline(admin.TabularInline):
    model = ArticleProduct
    formset = OrderedInlineFormSet
    extra = 0
    autocomplete_fields = ["product"]  # searched by title or UPC (Oscar's ProductAdmin)
    fields = ["position", "product"]


class ArticleForm(publishing.PublishingFormMixin, ClaimsCheckedForm):
    """The article, published by the button pressed (blog.publishing) and checked for
    health claims: publishing with flags left needs a Manager's sign-off note (kept with
    the article and in its revision history)."""

    class Meta:
        model = Article
        fields = "__all__"  # noqa: DJ007 (ArticleAdmin.fieldsets choose the fields)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("disclaimer")
        if field is not None:  # the site-wide wording, visible where it would apply
            site_wide = BlogSettings.current().default_disclaimer
            # The admin prints help text as HTML: the staff-written wording is escaped.
            field.help_text = format_html(
                "Left empty, the article shows the site-wide wording: “{}”", site_wide
            )

    def clean(self):
        self.apply_action(self.cleaned_data)
        return super().clean()

    def claims_parts(self, cleaned):
        return claims.submitted_parts(cleaned, getattr(self.instance, "_admin_formsets", []))

    def claims_publishing(self, cleaned):
        return self.instance.status == Article.Status.PUBLISHED


@admin.register(Article)
class ArticleAdmin(
    RevisionsAdminMixin, publishing.PublishingAdminMixin, ClaimsCheckedAdmin, admin.ModelAdmin
):
    list_display = ["title", "state_label", "publish_at", "author", "updated_at"]
    list_filter = ["status", "categories", "author"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["categories", "tags"]
    date_hierarchy = "publish_at"
    inlines = [TakeawayInline, SectionInline, ReferenceInline, FAQLinkInline, ProductLinkInline]
    change_form_template = "admin/blog/article/change_form.html"
    form = ArticleForm

    class Media:
        css = {"all": ["shop/css/admin_editor.css"]}
        js = ["shop/js/admin_reorder.js", "shop/js/readiness.js"]

    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "author", "categories", "tags"]}),
        ("Review", {"fields": ["last_reviewed_on", "reviewed_by"]}),
        ("Hero image", {"fields": ["hero_image", "hero_alt"]}),
        ("Medical disclaimer", {"fields": ["disclaimer"]}),
        ("Search engines", {"fields": ["seo_title", "seo_description"]}),
        ("Claims sign-off", {"fields": ["claims_sign_off_note"]}),
    ]

    @admin.display(description="State", ordering="status")
    def state_label(self, article):
        return article.state

    def view_on_site(self, article):
        """The "view on site" button opens the preview, which works for drafts too."""
        return reverse("blog:preview", kwargs={"pk": article.pk})

    def claims_saved_parts(self, article):
        return claims.saved_parts(article)

    def readiness_view(self, request):
        """The readiness checks of the article as it stands in the editor (JSON)."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = Article.objects.filter(pk=request.POST.get("article") or None).first()
        allowed = (
            self.has_change_permission(request, article)
            if article
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        draft = readiness.draft_from_post(request.POST, article, request.get_host())
        return JsonResponse(readiness.as_json(readiness.checks(draft)))

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        article = obj or context["adminform"].form.instance
        host = request.get_host()
        if request.method == "POST":
            draft = readiness.draft_from_post(request.POST, obj, host)
        else:
            draft = readiness.draft_from_article(article, host) if obj else readiness.Draft()
        context["readiness"] = readiness.as_json(readiness.checks(draft))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        obj._admin_formsets = formsets  # the form's claims check reads the sections
        by_model = {formset.model: formset for formset in formsets}
        if Section in by_model:
            by_model[Section].references_formset = by_model.get(Reference)
        return formsets, inline_instances

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        article = form.instance
        note = "Saved in the admin"
        if self.record_sign_off(request, form, article):
            note = f"{note}. {signoff.history_note(form.claims_gate, request.user)}"
        revisions.save_revision(article, user=request.user, note=note)
        generate_renditions(article)

    def after_restore(self, article):
        generate_renditions(article)  # the hero or drawn preview of the restored title

    def get_urls(self):
        wrap = self.admin_site.admin_view
        readiness_url = path("readiness/", wrap(self.readiness_view), name="blog_article_readiness")
        return [readiness_url, *super().get_urls()]


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "job_title"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(BlogSettings)
class BlogSettingsAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not BlogSettings.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
