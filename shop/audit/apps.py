from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Who changed which order, price, stock level, role or user, when, from what to what."""

    name = "shop.audit"
    label = "audit"
    verbose_name = "Audit trail"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from shop.audit import recorder

        recorder.connect()
