from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """Data-protection rights: a customer's data as JSON, account deletion that keeps
    orders for the tax records, staff handling of e-mailed requests, retention jobs."""

    name = "shop.privacy"
    label = "privacy"
    verbose_name = "Privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.privacy.sections import register_all

        register_all()
