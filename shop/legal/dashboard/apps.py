"""Cancellation requests in the dashboard, mounted at /dashboard/cancellations/ by the
dashboard fork: Customer service and Managers see each request, the lines and the
refund owed, and record what was done with a note."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class LegalDashboardConfig(OscarDashboardConfig):
    name = "shop.legal.dashboard"
    label = "legal_dashboard"
    verbose_name = "Cancellations dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        read = permission("legal", "view_cancellationrequest")
        self.permissions_map = {
            "cancellation-list": read,
            "cancellation-detail": read,
            "cancellation-update": permission(
                "legal", "view_cancellationrequest", "handle_cancellationrequest"
            ),
        }

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.legal.dashboard import views

        urlpatterns = [
            path("", views.CancellationListView.as_view(), name="cancellation-list"),
            path("<int:pk>/", views.CancellationDetailView.as_view(), name="cancellation-detail"),
            path("<int:pk>/update/", views.update, name="cancellation-update"),
        ]
        return self.post_process_urls(urlpatterns)
