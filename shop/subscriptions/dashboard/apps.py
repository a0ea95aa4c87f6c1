"""Subscriptions in the dashboard, mounted at /dashboard/subscriptions/ by the
dashboard fork: the list (Customer service and Managers), a subscription with
its renewals and history, actions on a customer's behalf with a note, and the
figures (Managers only)."""

from django.urls import path
from oscar.core.application import OscarDashboardConfig
from oscar.core.loading import get_class


class SubscriptionsDashboardConfig(OscarDashboardConfig):
    name = "shop.subscriptions.dashboard"
    label = "subscriptions_dashboard"
    verbose_name = "Subscriptions dashboard"
    default_permissions = ["is_staff"]

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        read = permission("subscriptions", "view_subscription")
        self.permissions_map = {
            "subscription-list": read,
            "subscription-detail": read,
            "subscription-action": permission(
                "subscriptions", "view_subscription", "manage_subscription"
            ),
            "subscription-figures": permission("subscriptions", "view_subscription_figures"),
        }

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.subscriptions.dashboard import views

        urlpatterns = [
            path("", views.SubscriptionListView.as_view(), name="subscription-list"),
            path("figures/", views.figures, name="subscription-figures"),
            path("<int:pk>/", views.SubscriptionDetailView.as_view(), name="subscription-detail"),
            path("<int:pk>/act/", views.act, name="subscription-action"),
        ]
        return self.post_process_urls(urlpatterns)
