"""The sitemap: one index (/sitemap.xml) with a section per kind of page.

Only what a visitor may open is listed: public products (sizes share their
parent's page), browsable categories, published articles, and the pages
below. ``lastmod`` is the latest change to what the page shows.

Apps above this one (the blog) add their sections and pages with ``register``
and ``register_page`` when they are ready, so seo imports none of them.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


def latest_product_change():
    return Product.objects.browsable().aggregate(latest=Max("date_updated"))["latest"]


class DatedSitemap(Sitemap):
    """The section's latest lastmod for the index, ignoring items without a date."""

    def get_latest_lastmod(self):
        dates = [date for item in self.items() if (date := self.lastmod(item)) is not None]
        return max(dates, default=None)


class PageSitemap(DatedSitemap):
    """Pages that are not rows of a table, each with what dates it."""

    pages = {
        "home": latest_product_change,
        "catalogue:index": latest_product_change,
        "delivery:information": None,
    }

    def items(self):
        return list(self.pages)

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        latest = self.pages[name]
        return latest() if latest else None


class CategorySitemap(DatedSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Category.objects.browsable()
            .annotate(lastmod=Max("product__date_updated"))
            .order_by("path")
        )

    def lastmod(self, category):
        return category.lastmod


# URLs per sitemap page: at 10,000 products a single page was 1.5 MB and seconds of work;
# the index lists the further pages (?p=2...), as crawlers expect.
PAGE_SIZE = 1000


class ProductSitemap(Sitemap):
    changefreq = "weekly"
    limit = PAGE_SIZE

    def items(self):
        return Product.objects.browsable().only("slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


SITEMAPS = {
    "pages": PageSitemap,
    "categories": CategorySitemap,
    "products": ProductSitemap,
}


def register(section: str, sitemap) -> None:
    """Add a section to the index (/sitemap-<section>.xml)."""
    SITEMAPS[section] = sitemap


def register_page(url_name: str, latest=None) -> None:
    """List a page in the "pages" section; ``latest()`` gives its lastmod."""
    PageSitemap.pages[url_name] = latest
