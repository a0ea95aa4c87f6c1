from django.apps import AppConfig


class LabellingConfig(AppConfig):
    """Food labels as product data staff edit: the nutrition declaration of foods and
    drinks, and the ingredient table of food supplements."""

    name = "shop.labelling"
    label = "labelling"
    verbose_name = "Food labels"
    default_auto_field = "django.db.models.BigAutoField"
