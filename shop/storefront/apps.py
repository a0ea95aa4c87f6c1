"""The storefront: home page, the header's promise strip, site-wide context, and the
cache of whole pages (whose content version every save of shown content renews)."""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class StorefrontConfig(AppConfig):
    name = "shop.storefront"
    verbose_name = "Storefront"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.core import analytics
        from shop.storefront import page_cache, personal_parts

        analytics.install()
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(page_cache.content_changed, dispatch_uid="shop.page_cache")
        personal_parts.connect_receivers()
