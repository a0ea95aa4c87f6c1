"""Questions and answers: written once by Marketing, shown on /faq/, in articles,
on product pages, in search and as chat suggestions."""

from django.apps import AppConfig


class FAQConfig(AppConfig):
    name = "shop.faq"
    label = "faq"
    verbose_name = "Questions and answers"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models import Max

        from shop.faq.models import FAQEntry
        from shop.seo import sitemaps

        sitemaps.register_page(
            "faq:index",
            lambda: FAQEntry.objects.visible().aggregate(latest=Max("updated_at"))["latest"],
        )
