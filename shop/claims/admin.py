"""Managers keep the claims lists here; sign-offs are listed read-only; the live check
for editors is served under the admin (staff and two-factor sign-in)."""

from django.contrib import admin
from django.urls import path

from shop.claims.models import AuthorisedClaim, ClaimRule, ClaimSignOff
from shop.claims.views import live_check


@admin.register(ClaimRule)
class ClaimRuleAdmin(admin.ModelAdmin):
    list_display = ["phrase", "kind", "explanation", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["phrase", "explanation"]

    def get_urls(self):
        check = self.admin_site.admin_view(live_check)
        return [path("live-check/", check, name="claims_live_check"), *super().get_urls()]


@admin.register(AuthorisedClaim)
class AuthorisedClaimAdmin(admin.ModelAdmin):
    list_display = ["wording", "nutrient", "is_active"]
    list_filter = ["is_active", "nutrient"]
    search_fields = ["wording", "nutrient", "conditions_of_use"]


@admin.register(ClaimSignOff)
class ClaimSignOffAdmin(admin.ModelAdmin):
    """The record of every sign-off: never edited or deleted here."""

    list_display = ["title", "content_type", "signed_by_name", "created_at"]
    list_filter = ["content_type"]
    search_fields = ["title", "note", "signed_by_name"]
    readonly_fields = [
        "content_type",
        "object_id",
        "title",
        "flags",
        "note",
        "signed_by_name",
        "created_at",
    ]
    exclude = ["signed_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
