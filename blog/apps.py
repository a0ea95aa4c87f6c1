"""The science blog: articles with takeaways, sections, references and FAQ, run by Marketing."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Science blog"
    default_auto_field = "django.db.models.BigAutoField"
