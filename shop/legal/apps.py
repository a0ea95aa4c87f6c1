from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Trading lawfully in the UK: who we are, the legal pages and their versions,
    the right to cancel per product type, and the cookie inventory and consent."""

    name = "shop.legal"
    label = "legal"
    verbose_name = "Legal"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.legal import personal_data
        from shop.privacy import registry

        registry.register(
            "cancellation_requests", export=personal_data.export, erase=personal_data.erase
        )
