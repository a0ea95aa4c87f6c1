"""System checks: a half-configured Stripe refuses to start, rather than taking
payments it cannot confirm (no webhook secret) or show (no publishable key)."""

from django.conf import settings
from django.core.checks import Error, register


@register()
def stripe_keys_come_together(app_configs=None, **kwargs):
    keys = {
        "STRIPE_SECRET_KEY": settings.STRIPE_SECRET_KEY,
        "STRIPE_PUBLISHABLE_KEY": settings.STRIPE_PUBLISHABLE_KEY,
        "STRIPE_WEBHOOK_SECRET": settings.STRIPE_WEBHOOK_SECRET,
    }
    if settings.SHOP_PAYMENT_GATEWAY.endswith("StripeGateway") and not all(keys.values()):
        missing = ", ".join(name for name, value in keys.items() if not value)
        return [
            Error(
                f"Stripe takes payments but {missing} is not set.",
                hint="Set all three keys (see .env.example), or none for the test gateway.",
                id="gateways.E001",
            )
        ]
    return []
