from django.apps import AppConfig


class SeoConfig(AppConfig):
    name = "shop.seo"
    label = "seo"
    verbose_name = "Search engines"
