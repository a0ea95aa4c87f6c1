"""Privacy screens in the dashboard, mounted at /dashboard/privacy/ by the dashboard fork."""

from oscar.core.application import OscarDashboardConfig


class PrivacyDashboardConfig(OscarDashboardConfig):
    name = "shop.privacy.dashboard"
    label = "privacy_dashboard"
    verbose_name = "Privacy dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        self.permissions_map = {}

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        return self.post_process_urls([])
