"""Marketing's view of the mailing list: read-only, with the consent evidence inline,
a CSV export (its own permission) and an unsubscribe action for people who ask us.

Nothing here edits consent: a record is evidence, and deleting a person is the
privacy tools' job (erasure), so there is no add, edit or delete.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.urls import path

from shop.newsletter import export, services, wording
from shop.newsletter.models import ConsentRecord, Source, Subscriber

EXPORT_PERMISSION = "newsletter.export_subscribers"


class ConsentRecordInline(admin.TabularInline):
    model = ConsentRecord
    fk_name = "subscriber"
    fields = ["at", "action", "source", "wording"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    change_list_template = "newsletter/admin/subscriber_change_list.html"
    list_display = ["email", "status", "source", "requested_at", "confirmed_at", "unsubscribed_at"]
    list_filter = ["status", "source"]
    search_fields = ["email"]
    date_hierarchy = "requested_at"
    fields = [
        "email",
        "status",
        "source",
        "created_at",
        "requested_at",
        "confirmation_sent_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
    readonly_fields = fields
    inlines = [ConsentRecordInline]
    actions = ["export_selected", "unsubscribe_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The list's actions need "change" (unsubscribing at someone's request); a
        # subscriber's own page is always read-only.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request) -> bool:
        return request.user.has_perm(EXPORT_PERMISSION)

    def get_urls(self):
        export_view = self.admin_site.admin_view(self.export_confirmed_view)
        return [
            path("export/", export_view, name="newsletter_subscriber_export"),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "may_export": self.has_export_permission(request)}
        return super().changelist_view(request, extra_context=extra_context)

    def export_confirmed_view(self, request):
        """The button: every confirmed subscriber, as CSV."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        return export.csv_response(Subscriber.objects.confirmed(), name="confirmed-subscribers")

    @admin.action(description="Export selected subscribers (CSV)", permissions=["export"])
    def export_selected(self, request, queryset):
        return export.csv_response(queryset)

    @admin.action(
        description="Unsubscribe selected (they asked us to stop)", permissions=["change"]
    )
    def unsubscribe_selected(self, request, queryset):
        done = 0
        for subscriber in queryset.exclude(status=Subscriber.Status.UNSUBSCRIBED):
            services.unsubscribe(
                subscriber=subscriber, source=Source.STAFF, wording=wording.STAFF_UNSUBSCRIBE
            )
            done += 1
        self.message_user(request, f"Unsubscribed {done} subscriber(s).", messages.SUCCESS)
