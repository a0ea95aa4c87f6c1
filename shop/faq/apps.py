"""Questions and answers: written once by Marketing, shown on /faq/, in articles,
on product pages, in search and as chat suggestions. Visible answers are read by the
claims review."""

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
        self.register_claims_source()

    def register_claims_source(self):
        from django.urls import reverse

        from shop.claims import registry
        from shop.faq.admin import entry_parts
        from shop.faq.models import FAQEntry

        registry.register(
            registry.Source(
                name="Questions and answers",
                published=lambda: FAQEntry.objects.filter(is_visible=True).order_by("pk"),
                parts=lambda entry: entry_parts(entry.question, entry.answer),
                edit_url=lambda entry: reverse("admin:faq_faqentry_change", args=[entry.pk]),
            )
        )
