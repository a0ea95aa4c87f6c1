"""Dashboard fork: role-aware index page, and the roles synced after each migrate.

Oscar's loader finds forked dashboard sub-apps' forms and views only when the
app labelled "dashboard" is itself a fork, which is the other reason this exists.
"""

import oscar.apps.dashboard.apps as apps
from django.db.models.signals import post_migrate


class DashboardConfig(apps.DashboardConfig):
    name = "shop.dashboard"

    def ready(self):
        from shop.roles import sync_roles_after_migrate

        super().ready()
        post_migrate.connect(sync_roles_after_migrate, sender=self, dispatch_uid="shop.roles")
