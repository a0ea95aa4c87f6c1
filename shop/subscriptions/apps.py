from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Subscribe & save: which products repeat, how often, at what saving; the
    customers' subscriptions and their renewals."""

    name = "shop.subscriptions"
    label = "subscriptions"
    verbose_name = "Subscribe & save"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.payments.signals import order_paid
        from shop.subscriptions.signup import start_subscriptions

        order_paid.connect(start_subscriptions, dispatch_uid="subscriptions.start")
