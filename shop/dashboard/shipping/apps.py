"""Shipping dashboard fork: staff edit delivery methods and closure days.

Oscar's shipping dashboard edits only weight-based methods; the store's
methods are order-and-item charges with zones and dispatch rules.
"""

from django.urls import path
from oscar.apps.dashboard.shipping import apps
from oscar.core.loading import get_class


class ShippingDashboardConfig(apps.ShippingDashboardConfig):
    name = "shop.dashboard.shipping"

    def configure_permissions(self):
        permission = get_class("dashboard.permissions", "DashboardPermission").get
        method, closure = "orderanditemcharges", "closure"
        self.permissions_map = {
            "shipping-method-list": permission("shipping", f"view_{method}"),
            "shipping-method-create": permission("shipping", f"view_{method}", f"add_{method}"),
            "shipping-method-edit": permission("shipping", f"view_{method}", f"change_{method}"),
            "shipping-method-delete": permission("shipping", f"view_{method}", f"delete_{method}"),
            "shipping-closure-list": permission("workdays", f"view_{closure}"),
            "shipping-closure-create": permission("workdays", f"view_{closure}", f"add_{closure}"),
            "shipping-closure-edit": permission("workdays", f"view_{closure}", f"change_{closure}"),
            "shipping-closure-delete": permission(
                "workdays", f"view_{closure}", f"delete_{closure}"
            ),
        }

    def ready(self):
        self.configure_permissions()

    def get_urls(self):
        from shop.dashboard.shipping import views

        urlpatterns = [
            path("", views.DeliveryMethodListView.as_view(), name="shipping-method-list"),
            path(
                "create/", views.DeliveryMethodCreateView.as_view(), name="shipping-method-create"
            ),
            path(
                "<int:pk>/edit/",
                views.DeliveryMethodUpdateView.as_view(),
                name="shipping-method-edit",
            ),
            path(
                "<int:pk>/delete/",
                views.DeliveryMethodDeleteView.as_view(),
                name="shipping-method-delete",
            ),
            path("closures/", views.ClosureListView.as_view(), name="shipping-closure-list"),
            path(
                "closures/create/",
                views.ClosureCreateView.as_view(),
                name="shipping-closure-create",
            ),
            path(
                "closures/<int:pk>/edit/",
                views.ClosureUpdateView.as_view(),
                name="shipping-closure-edit",
            ),
            path(
                "closures/<int:pk>/delete/",
                views.ClosureDeleteView.as_view(),
                name="shipping-closure-delete",
            ),
        ]
        return self.post_process_urls(urlpatterns)
