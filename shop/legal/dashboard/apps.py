"""Legal screens in the dashboard, mounted at /dashboard/legal/ by the dashboard fork."""

from oscar.core.application import OscarDashboardConfig


class LegalDashboardConfig(OscarDashboardConfig):
    name = "shop.legal.dashboard"
    label = "legal_dashboard"
    verbose_name = "Legal dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        self.permissions_map = {}

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        return self.post_process_urls([])
