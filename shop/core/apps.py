"""Infrastructure shared by every app; it owns the receivers that keep stored
staff-written HTML sanitised (see ``staff_html``) and creates the database
cache's table after every migrate."""

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


def create_cache_table(sender, using="default", **kwargs):
    """The database cache's table (when configured), so `migrate` is the one set-up step."""
    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "shop.core"
    label = "shop_core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.core import staff_html

        staff_html.connect_receivers()
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="shop.cache_table")
