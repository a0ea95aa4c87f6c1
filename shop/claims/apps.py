from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    """Health-claims checking: the wording lists Managers keep, the checker that reads
    articles, FAQ answers and product descriptions against them, and the Manager's
    sign-off needed to publish with flags left."""

    name = "shop.claims"
    label = "claims"
    verbose_name = "Claims checks"
    default_auto_field = "django.db.models.BigAutoField"
