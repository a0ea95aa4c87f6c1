"""The science blog: articles with takeaways, sections, references and FAQ blocks, run by
Marketing. Published articles are read by the claims review."""

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
        self.register_claims_source()

    def register_claims_source(self):
        from django.urls import reverse

        from blog.claims import saved_parts
        from blog.models import Article
        from shop.claims import registry

        registry.register(
            registry.Source(
                name="Articles",
                published=lambda: (
                    Article.objects.filter(status=Article.Status.PUBLISHED)
                    .prefetch_related("takeaways", "sections")
                    .order_by("pk")
                ),
                parts=saved_parts,
                edit_url=lambda article: reverse("admin:blog_article_change", args=[article.pk]),
            )
        )
