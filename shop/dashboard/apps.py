"""Dashboard fork: role-aware index page, live chat's and subscriptions' screens, and
the roles synced after each migrate.

Oscar's loader finds forked dashboard sub-apps' forms and views only when the
app labelled "dashboard" is itself a fork, which is the other reason this exists.
"""

import oscar.apps.dashboard.apps as apps
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate
from django.urls import include, path


class DashboardConfig(apps.DashboardConfig):
    name = "shop.dashboard"

    def ready(self):
        from shop.roles import sync_roles_after_migrate

        super().ready()
        self.chat_app = global_apps.get_app_config("chat_dashboard")
        self.subscriptions_app = global_apps.get_app_config("subscriptions_dashboard")
        self.legal_app = global_apps.get_app_config("legal_dashboard")
        self.privacy_app = global_apps.get_app_config("privacy_dashboard")
        self.claims_app = global_apps.get_app_config("claims_dashboard")
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="shop.roles")

    def get_urls(self):
        """Oscar's dashboard URLs plus live chat's inbox at /dashboard/chat/ and the
        subscriptions at /dashboard/subscriptions/."""
        urls = super().get_urls()
        return [
            *urls,
            path("chat/", include(self.chat_app.urls[0])),
            path("subscriptions/", include(self.subscriptions_app.urls[0])),
            path("cancellations/", include(self.legal_app.urls[0])),
            path("privacy/", include(self.privacy_app.urls[0])),
            path("claims/", include(self.claims_app.urls[0])),
        ]
