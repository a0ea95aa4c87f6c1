"""The claims review in the dashboard, mounted at /dashboard/claims/ by the dashboard
fork: Marketing and Managers see every published text with flags no sign-off covers."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class ClaimsDashboardConfig(OscarDashboardConfig):
    name = "shop.claims.dashboard"
    label = "claims_dashboard"
    verbose_name = "Claims review"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        self.permissions_map = {"claims-review": permission("claims", "view_claimsignoff")}

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.claims.dashboard.views import ClaimsReviewView

        return self.post_process_urls([path("", ClaimsReviewView.as_view(), name="claims-review")])
