from django.contrib.sitemaps import Sitemap

from shop.landing.models import LandingPage


class LandingPageSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        """Published pages but the home page, which the sitemap lists at /."""
        pages = LandingPage.objects.visible().only("slug", "updated_at", "is_home")
        home = LandingPage.objects.home()
        return pages.exclude(pk=home.pk if home else None).order_by("pk")

    def lastmod(self, page):
        return page.updated_at
