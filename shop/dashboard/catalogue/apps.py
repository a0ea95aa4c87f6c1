"""Catalogue dashboard fork: VAT and food fields in the forms, stock levels for
Order staff, and the product form's stock section only for those who manage stock."""

import oscar.apps.dashboard.catalogue.apps as apps
from django.urls import path
from oscar.core.loading import get_class


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    name = "shop.dashboard.catalogue"

    def configure_permissions(self):
        super().configure_permissions()
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        self.permissions_map.update(
            {
                "stock-level-list": permission("partner", "view_stockrecord"),
                "stock-level-update": permission(
                    "partner", "view_stockrecord", "change_stockrecord"
                ),
            }
        )

    def get_urls(self):
        from shop.dashboard.catalogue import stock

        ours = [
            path("stock/", stock.StockLevelListView.as_view(), name="stock-level-list"),
            path(
                "stock/<int:pk>/", stock.StockLevelUpdateView.as_view(), name="stock-level-update"
            ),
        ]
        return self.post_process_urls(ours) + super().get_urls()
