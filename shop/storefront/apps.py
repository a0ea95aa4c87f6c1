"""The storefront: home page, the header's promise strip, site-wide context."""

from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    verbose_name = "Storefront"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.core import analytics

        analytics.install()
