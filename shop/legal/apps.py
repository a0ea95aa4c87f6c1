from django.apps import AppConfig


class LegalConfig(AppConfig):
    """Trading lawfully in the UK: who we are, the legal pages and their versions,
    the right to cancel per product type, and the cookie inventory and consent."""

    name = "shop.legal"
    label = "legal"
    verbose_name = "Legal"
    default_auto_field = "django.db.models.BigAutoField"
