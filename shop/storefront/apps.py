"""The storefront: home page, the header's promise strip, site-wide context."""

from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    verbose_name = "Storefront"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oscar.apps.analytics import receivers as analytics
        from oscar.apps.catalogue.signals import product_viewed

        # Oscar's analytics write a row on every product page view. A write in
        # a GET makes readers queue for SQLite's single write lock and adds a
        # hot-row UPDATE on PostgreSQL; page views belong in web-server logs.
        # Basket, order and search analytics stay connected.
        product_viewed.disconnect(analytics.receive_product_view)
