"""Managers edit the trader's identity, the legal pages and the cookie inventory here.

A legal page is never edited in place: saving new wording publishes a new
version and keeps every earlier one, because orders point at the version the
shopper accepted.
"""

from django import forms
from django.contrib import admin
from django.db import transaction
from django.db.models import Max

from shop.core.sanitise import sanitise_document
from shop.legal.models import LegalPage, LegalPageVersion, StorageItem, TraderIdentity


@admin.register(TraderIdentity)
class TraderIdentityAdmin(admin.ModelAdmin):
    list_display = ["company_name", "company_number", "registered_in", "vat_number", "updated_at"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not TraderIdentity.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class VersionInline(admin.TabularInline):
    model = LegalPageVersion
    fields = ["number", "published_at", "written_by", "change_summary", "needs_owner_review"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    ordering = ["-number"]

    def has_add_permission(self, request, obj=None):
        return False


class LegalPageForm(forms.ModelForm):
    """The page's fields plus the wording of the next version, prefilled with the current."""

    body = LegalPageVersion._meta.get_field("body").formfield(
        label="Wording",
        help_text="Saving changed wording publishes a new version; earlier ones are kept.",
    )
    change_summary = forms.CharField(
        max_length=200, required=False, help_text="What changed, for the version history."
    )
    needs_owner_review = forms.BooleanField(
        required=False,
        label="Wording still needs the owner's review",
        help_text="Untick once the owner (with legal advice) has approved this wording.",
    )

    class Meta:
        model = LegalPage
        fields = ["title", "summary"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.current if self.instance.pk else None
        if current is not None:
            self.fields["body"].initial = current.body
            self.fields["needs_owner_review"].initial = current.needs_owner_review

    def clean_body(self):
        body = sanitise_document(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError("A legal page needs some wording.")
        return body

    def clean(self):
        cleaned = super().clean()
        current = self.instance.current if self.instance.pk else None
        changed = current is None or cleaned.get("body") != current.body
        if changed and current is not None and not cleaned.get("change_summary"):
            self.add_error("change_summary", "Say what changed: it goes in the version history.")
        self.wording_changed = changed or (
            current is not None and cleaned.get("needs_owner_review") != current.needs_owner_review
        )
        return cleaned


@admin.register(LegalPage)
class LegalPageAdmin(admin.ModelAdmin):
    form = LegalPageForm
    list_display = ["title", "kind", "current_version", "last_updated", "needs_review"]
    readonly_fields = ["kind", "slug"]
    fields = ["kind", "slug", "title", "summary", "body", "change_summary", "needs_owner_review"]
    inlines = [VersionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("current")

    def has_add_permission(self, request):
        return False  # one page per kind, created by migration

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="Version")
    def current_version(self, page):
        return page.current.number if page.current else "-"

    @admin.display(description="Last updated")
    def last_updated(self, page):
        return page.current.published_at if page.current else None

    @admin.display(description="Needs owner's review", boolean=True)
    def needs_review(self, page):
        return bool(page.current and page.current.needs_owner_review)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if form.wording_changed:
                LegalPage.objects.select_for_update().filter(pk=obj.pk).first()
                latest = obj.versions.aggregate(latest=Max("number"))["latest"] or 0
                obj.current = LegalPageVersion.objects.create(
                    page=obj,
                    number=latest + 1,
                    body=form.cleaned_data["body"],
                    change_summary=form.cleaned_data["change_summary"],
                    written_by=request.user,
                    needs_owner_review=form.cleaned_data["needs_owner_review"],
                )
                obj.save(update_fields=["current"])


@admin.register(LegalPageVersion)
class LegalPageVersionAdmin(admin.ModelAdmin):
    """Earlier versions, to read (never to change)."""

    list_display = ["page", "number", "published_at", "written_by", "needs_owner_review"]
    list_filter = ["page"]
    readonly_fields = [
        "page",
        "number",
        "published_at",
        "written_by",
        "change_summary",
        "needs_owner_review",
        "wording",
    ]
    exclude = ["body"]

    @admin.display(description="Wording")
    def wording(self, version):
        return version.body_html

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(StorageItem)
class StorageItemAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "set_by", "lifetime", "strictly_necessary", "where"]
    list_filter = ["kind", "strictly_necessary"]
