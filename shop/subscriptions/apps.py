from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    """Subscribe & save: which products repeat, how often, at what saving."""

    name = "shop.subscriptions"
    label = "subscriptions"
    verbose_name = "Subscribe & save"
    default_auto_field = "django.db.models.BigAutoField"
