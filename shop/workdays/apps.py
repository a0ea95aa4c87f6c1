"""The business calendar: working days, bank holidays and staff-entered closures."""

from django.apps import AppConfig


class WorkdaysConfig(AppConfig):
    name = "shop.workdays"
    verbose_name = "Business calendar"
    default_auto_field = "django.db.models.BigAutoField"
