from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    """Taking payment for orders: intents, their outcome, webhooks, reconciliation.

    (Oscar's ``payment`` app holds the payment sources; this one drives them.)
    """

    name = "shop.payments"
    label = "payments"
    verbose_name = "Payments"
    default_auto_field = "django.db.models.BigAutoField"
