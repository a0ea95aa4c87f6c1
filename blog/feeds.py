"""RSS and Atom feeds of published articles: the whole blog and each category.

Drafts, scheduled and archived articles never appear (``published()``).
"""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from blog.models import Article, Category

ITEMS = 20


class ArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "kēpos science blog"
    description = (
        "Research on the gut, the microbiome and mood, and how our products fit in, "
        "from the kēpos Science Team."
    )

    def link(self):
        return reverse("blog:list")

    def articles(self):
        return (
            Article.objects.published()
            .select_related("author")
            .prefetch_related("categories")
            .order_by("-publish_at", "-pk")
        )

    def items(self):
        return self.articles()[:ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.summary

    def item_link(self, article):
        return article.get_absolute_url()

    def item_guid(self, article):
        return f"kepos-article-{article.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.publish_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author.name

    def item_author_link(self, article):
        return article.author.get_absolute_url()

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]


class ArticlesAtomFeed(ArticlesFeed):
    feed_type = Atom1Feed
    subtitle = ArticlesFeed.description


class CategoryFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, category):
        return f"kēpos science blog: {category.name}"

    def description(self, category):
        return category.description or f"Articles filed under {category.name}."

    def link(self, category):
        return category.get_absolute_url()

    def items(self, category):
        return self.articles().filter(categories=category)[:ITEMS]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
