"""The science blog: articles with takeaways, sections, references and FAQ blocks, run by
Marketing."""

from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = "Science blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models import Max

        from blog.models import Article
        from blog.sitemaps import ArticleSitemap, AuthorSitemap, BlogCategorySitemap
        from shop.seo import sitemaps

        sitemaps.register_page(
            "blog:list",
            lambda: Article.objects.published().aggregate(latest=Max("updated_at"))["latest"],
        )
        sitemaps.register("articles", ArticleSitemap)
        sitemaps.register("blog-categories", BlogCategorySitemap)
        sitemaps.register("authors", AuthorSitemap)
