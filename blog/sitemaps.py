"""Sitemap sections for the blog: published articles, their authors and categories, the FAQ."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.utils import timezone

from blog.models import Article, Author, Category
from shop.seo.sitemaps import PAGE_SIZE


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = PAGE_SIZE

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-publish_at", "pk")

    def lastmod(self, article):
        return article.updated_at


class _WithPublishedArticles(Sitemap):
    """Pages that list articles: only those with at least one published article."""

    changefreq = "weekly"
    model = None

    def items(self):
        published = Q(
            articles__status=Article.Status.PUBLISHED,
            articles__publish_at__lte=timezone.now(),
        )
        return (
            self.model.objects.annotate(lastmod=Max("articles__updated_at", filter=published))
            .filter(lastmod__isnull=False)
            .order_by("pk")
        )

    def lastmod(self, item):
        return item.lastmod


class AuthorSitemap(_WithPublishedArticles):
    model = Author


class BlogCategorySitemap(_WithPublishedArticles):
    model = Category
