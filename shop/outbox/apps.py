"""The e-mail outbox: messages are saved with the data they describe and sent later."""

from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "shop.outbox"
    verbose_name = "E-mail outbox"
    default_auto_field = "django.db.models.BigAutoField"
