from django.apps import AppConfig


class TwoFactorConfig(AppConfig):
    """Staff two-factor sign-in (TOTP and recovery codes, through django-otp)."""

    name = "shop.twofactor"
    label = "twofactor"
    verbose_name = "Two-factor sign-in"
