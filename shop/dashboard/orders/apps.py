"""Orders dashboard fork: dispatch tooling (today's list, packing slips, courier CSV),
a dispatch form that asks for the tracking number, refunds, and revenue for
Managers only."""

import oscar.apps.dashboard.orders.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    name = "shop.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        self.permissions_map.update(
            {
                # Oscar lets anyone who can view orders see the revenue statistics.
                "order-stats": permission("order", "view_sales_figures"),
                "order-dispatch-list": permission("order", "view_order", "change_order"),
                "order-packing-slips": permission("order", "view_order", "change_order"),
                "order-dispatch-csv": permission("order", "view_order", "change_order"),
                # Oscar lets anyone who can view orders change their delivery address.
                "order-shipping-address": permission("order", "view_order", "change_order"),
            }
        )

    def get_urls(self):
        from shop.dashboard.orders import dispatch

        ours = [
            path("dispatch/", dispatch.DispatchListView.as_view(), name="order-dispatch-list"),
            path(
                "dispatch/packing-slips/",
                dispatch.PackingSlipsView.as_view(),
                name="order-packing-slips",
            ),
            path(
                "dispatch/courier.csv",
                dispatch.DispatchCSVView.as_view(),
                name="order-dispatch-csv",
            ),
        ]
        # Ours first: Oscar's "<number>/" pattern would swallow "dispatch/".
        return self.post_process_urls(ours) + super().get_urls()
