from django.contrib.sitemaps import Sitemap

from shop.landing.models import LandingPage


class LandingPageSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return LandingPage.objects.visible().only("slug", "updated_at").order_by("pk")

    def lastmod(self, page):
        return page.updated_at
