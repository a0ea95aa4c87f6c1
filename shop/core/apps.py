"""Infrastructure shared by every app; it owns the receivers that keep stored
staff-written HTML sanitised (see ``staff_html``)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "shop.core"
    label = "shop_core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.core import staff_html

        staff_html.connect_receivers()
