"""Landing pages in the admin, where Marketing already writes articles: a page and its
blocks, ordered by dragging (blog.ordering), checked for health claims, published with
the article editor's buttons (blog.publishing) and kept in revisions (blog.revisions)."""

from django import forms
from django.contrib import admin
from django.urls import reverse

from blog import publishing, revisions
from blog.images import hero_picture
from blog.ordering import OrderedInlineFormSet
from blog.revision_admin import RevisionsAdminMixin
from shop.claims import signoff
from shop.claims.admin_forms import ClaimsCheckedAdmin, ClaimsCheckedForm
from shop.claims.parts import formset_parts
from shop.landing.models import BLOCK_TEXT, Block, LandingPage

NEEDS = {
    Block.Kind.PRODUCTS: ("products", "Choose the products to show."),
    Block.Kind.REVIEWS: ("products", "Choose the products whose reviews to show."),
    Block.Kind.PRODUCT: ("products", "Choose the product to sell."),
    Block.Kind.SCIENCE: ("articles", "Choose the articles to highlight."),
    Block.Kind.FAQ: ("faq_entries", "Choose the questions to answer."),
}


class BlockForm(forms.ModelForm):
    class Meta:
        model = Block
        fields = "__all__"  # noqa: DJ007 (BlockInline.fields choose)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in NEEDS:
            field, message = NEEDS[kind]
            chosen = cleaned.get(field)
            if not chosen:
                self.add_error(field, message)
            elif kind == Block.Kind.PRODUCT and len(chosen) != 1:
                self.add_error("products", "Choose one product for this block.")
        return cleaned


class BlockInline(admin.StackedInline):
    model = Block
    form = BlockForm
    formset = OrderedInlineFormSet
    extra = 0
    fields = [
        *("position", "kind", "heading", "body", "items", "image", "image_alt"),
        *("button_label", "button_link", "products", "articles", "faq_entries"),
    ]
    autocomplete_fields = ["products", "articles", "faq_entries"]


class LandingPageForm(publishing.PublishingFormMixin, ClaimsCheckedForm):
    class Meta:
        model = LandingPage
        fields = "__all__"  # noqa: DJ007 (LandingPageAdmin.fieldsets choose)

    def clean(self):
        self.apply_action(self.cleaned_data)
        return super().clean()

    def claims_parts(self, cleaned):
        parts = [
            ("Title", cleaned.get("title", "")),
            ("SEO description", cleaned.get("seo_description", "")),
        ]
        for formset in getattr(self.instance, "_admin_formsets", []):
            if formset.model is Block:
                parts += formset_parts(formset, "Block", BLOCK_TEXT)
        return [part for part in parts if part[1].strip()]

    def claims_publishing(self, cleaned):
        return self.instance.status == LandingPage.Status.PUBLISHED


@admin.register(LandingPage)
class LandingPageAdmin(
    RevisionsAdminMixin, publishing.PublishingAdminMixin, ClaimsCheckedAdmin, admin.ModelAdmin
):
    form = LandingPageForm
    change_form_template = "admin/landing/landingpage/change_form.html"
    inlines = [BlockInline]
    list_display = ["title", "slug", "is_home", "status", "publish_at", "updated_at"]
    list_filter = ["status", "is_home"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_home"]}),
        ("Search engines", {"fields": ["seo_title", "seo_description"]}),
        ("Claims sign-off", {"fields": ["claims_sign_off_note"]}),
    ]

    class Media:
        css = {"all": ["shop/css/admin_editor.css"]}
        js = ["shop/js/admin_reorder.js", "shop/js/landing_blocks.js"]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["block_fields"] = Block.FIELDS_BY_KIND  # landing_blocks.js shows only these
        return super().render_change_form(request, context, add, change, form_url, obj)

    def claims_saved_parts(self, page):
        return page.claims_parts()

    def view_on_site(self, page):
        """ "View on site" opens the preview, which shows drafts and scheduled pages too."""
        return reverse("landing:preview", kwargs={"pk": page.pk})

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        obj._admin_formsets = formsets  # the form's claims check reads the blocks
        return formsets, inline_instances

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        page, note = form.instance, "Saved in the admin"
        if self.record_sign_off(request, form, page):
            note = f"{note}. {signoff.history_note(form.claims_gate, request.user)}"
        revisions.save_revision(page, user=request.user, note=note)
        self.make_renditions(page)

    def after_restore(self, page):
        self.make_renditions(page)

    def make_renditions(self, page):
        """Block pictures' renditions made now, not by the first visitor."""
        for block in page.blocks.exclude(image=""):
            hero_picture(block.image)
