from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """Consented marketing: newsletter sign-up with double opt-in, the consent
    records, one-click unsubscribe and abandoned-basket reminders."""

    name = "shop.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter and marketing consent"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.newsletter import privacy
        from shop.privacy import registry

        registry.register("newsletter", export=privacy.export, erase=privacy.erase)
        registry.register_purge("unconfirmed newsletter sign-ups", privacy.purge_unconfirmed)
