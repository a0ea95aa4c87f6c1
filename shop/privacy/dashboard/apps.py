"""Privacy screens in the dashboard, mounted at /dashboard/privacy/ by the dashboard fork:
find a person by e-mail, export or erase them, and the log of requests handled.
Staff holding ``privacy.handle_privacy_request`` (Customer service and Managers)."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class PrivacyDashboardConfig(OscarDashboardConfig):
    name = "shop.privacy.dashboard"
    label = "privacy_dashboard"
    verbose_name = "Privacy dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        handle = ["is_staff", *permission("privacy", "handle_privacy_request")]
        self.permissions_map = {
            "privacy-index": handle,
            "privacy-export": handle,
            "privacy-erase": handle,
            "privacy-log": handle,
        }

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.privacy.dashboard import views

        urlpatterns = [
            path("", views.index, name="privacy-index"),
            path("export/", views.export, name="privacy-export"),
            path("erase/", views.erase, name="privacy-erase"),
            path("log/", views.RequestLogView.as_view(), name="privacy-log"),
        ]
        return self.post_process_urls(urlpatterns)
