from django.apps import AppConfig


class LandingConfig(AppConfig):
    """Campaign pages Marketing builds from blocks in the admin, at /p/<slug>/; listed in
    the sitemap and read by the claims review."""

    name = "shop.landing"
    label = "landing"
    verbose_name = "Landing pages"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.urls import reverse

        from shop.claims import registry
        from shop.landing import revisions  # noqa: F401 (registers what a revision keeps)
        from shop.landing.models import LandingPage
        from shop.landing.sitemaps import LandingPageSitemap
        from shop.seo import sitemaps

        sitemaps.register("landing-pages", LandingPageSitemap)
        registry.register(
            registry.Source(
                name="Landing pages",
                published=lambda: (
                    LandingPage.objects.filter(status=LandingPage.Status.PUBLISHED)
                    .prefetch_related("blocks")
                    .order_by("pk")
                ),
                parts=lambda page: page.claims_parts(),
                edit_url=lambda page: reverse("admin:landing_landingpage_change", args=[page.pk]),
            )
        )
