from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """Consented marketing: newsletter sign-up with double opt-in, the consent
    records, one-click unsubscribe, abandoned-basket reminders and, after delivery, review
    reminders."""

    name = "shop.newsletter"
    label = "newsletter"
    verbose_name = "Newsletter and marketing consent"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from oscar.apps.order.signals import order_status_changed

        from shop.newsletter import privacy, review_requests
        from shop.privacy import registry

        order_status_changed.connect(
            review_requests.on_order_status_changed, dispatch_uid="newsletter.review_requests"
        )
        registry.register("newsletter", export=privacy.export, erase=privacy.erase)
        registry.register_purge("unconfirmed newsletter sign-ups", privacy.purge_unconfirmed)
