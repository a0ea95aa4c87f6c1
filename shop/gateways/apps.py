from django.apps import AppConfig


class GatewaysConfig(AppConfig):
    """Payment providers behind one interface; holds the test gateway's intents."""

    name = "shop.gateways"
    label = "gateways"
    verbose_name = "Payment gateways"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.gateways import checks  # noqa: F401 (registers the system check)
