"""The audit trail, read-only, for those with ``audit.view_auditentry`` (Managers)."""

import json

from django.contrib import admin
from django.utils.html import format_html_join

from shop.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor_email", "action", "model", "object_repr", "summary"]
    list_filter = ["action", "model", "at"]
    search_fields = ["actor_email", "object_repr", "object_id"]
    date_hierarchy = "at"
    list_select_related = False
    readonly_fields = [
        "at",
        "actor_email",
        "action",
        "model",
        "object_id",
        "object_repr",
        "change_table",
        "path",
        "ip_address",
    ]
    exclude = ["actor", "changes"]

    @admin.display(description="Changes")
    def summary(self, entry):
        return "; ".join(
            f"{field}: {before or '—'} → {after or '—'}"
            for field, (before, after) in entry.changes.items()
        )[:300]

    @admin.display(description="Before and after")
    def change_table(self, entry):
        return format_html_join(
            "\n",
            "<div><strong>{}</strong>: {} → {}</div>",
            (
                (field, json.dumps(before), json.dumps(after))
                for field, (before, after) in entry.changes.items()
            ),
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
