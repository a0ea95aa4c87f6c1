"""Blog pages: the article list (by category, tag and author) and the article itself.

Drafts and future articles are 404 to the public. Each view states what it
loads, so a page costs the same number of queries with 3 articles or 300.
"""

import math

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import strip_tags
from django.views.generic import DetailView, ListView
from oscar.core.loading import get_model

from blog.images import preview_image_url
from blog.models import Article, ArticleProduct, Author, BlogSettings, Category, Tag
from shop.faq.answers import shown_entries
from shop.seo import jsonld

Product = get_model("catalogue", "Product")

WORDS_PER_MINUTE = 220
RELATED_ARTICLES = 3


class ArticleListView(ListView):
    """Published articles, newest first; the category, tag and author pages narrow it."""

    template_name = "blog/article_list.html"
    context_object_name = "articles"
    paginate_by = 10
    heading = "The kēpos science blog"
    intro = (
        "What research says about the gut, the microbiome and mood, and how our products "
        "fit in: written and reviewed by the kēpos Science Team, with every source cited."
    )

    def get_queryset(self):
        return Article.objects.published().for_listing().filter(self.narrowing())

    def narrowing(self) -> Q:
        return Q()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            categories=Category.objects.all(),
        )
        return context


class CategoryArticleListView(ArticleListView):
    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, slug=kwargs["slug"])
        self.heading, self.intro = self.category.name, self.category.description
        return super().get(request, *args, **kwargs)

    def narrowing(self) -> Q:
        return Q(categories=self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        return context


class TagArticleListView(ArticleListView):
    def get(self, request, *args, **kwargs):
        self.tag = get_object_or_404(Tag, slug=kwargs["slug"])
        self.heading, self.intro = f"Articles about {self.tag.name}", ""
        return super().get(request, *args, **kwargs)

    def narrowing(self) -> Q:
        return Q(tags=self.tag)


class AuthorView(ArticleListView):
    template_name = "blog/author.html"

    def get(self, request, *args, **kwargs):
        self.author = get_object_or_404(Author, slug=kwargs["slug"])
        self.heading, self.intro = self.author.name, ""
        return super().get(request, *args, **kwargs)

    def narrowing(self) -> Q:
        return Q(author=self.author)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["author"] = self.author
        return context


class ArticleDetailView(DetailView):
    template_name = "blog/article_detail.html"
    context_object_name = "article"
    preview = False

    def get_queryset(self):
        products = (
            Product.objects.select_related("product_class")
            .prefetch_related(
                "stockrecords",
                "images",
                Prefetch(
                    "children",
                    queryset=Product.objects.public().prefetch_related("stockrecords"),
                    to_attr="_prefetched_public_children",
                ),
            )
            .with_option_flags()
        )
        articles = Article.objects.all() if self.preview else Article.objects.visible()
        return articles.select_related("author", "reviewed_by").prefetch_related(
            "takeaways",
            "sections",
            "references",
            "categories",
            "tags",
            "faq_links__entry",
            Prefetch(
                "product_links",
                queryset=ArticleProduct.objects.filter(product__is_public=True).prefetch_related(
                    Prefetch("product", queryset=products)
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        request = self.request
        sections = list(article.sections.all())
        faq_entries = shown_entries([link.entry for link in article.faq_links.all()], request)
        words = len(strip_tags(article.summary).split()) + sum(s.word_count for s in sections)
        image_url = preview_image_url(article)
        crumbs = [("Home", "/"), ("Blog", reverse("blog:list"))]
        if article.categories.all():
            category = article.categories.all()[0]
            crumbs.append((category.name, category.get_absolute_url()))
        crumbs.append((article.title, article.get_absolute_url()))
        context.update(
            preview=self.preview,
            sections=sections,
            faq_entries=faq_entries,
            reading_minutes=max(1, math.ceil(words / WORDS_PER_MINUTE)),
            disclaimer=article.disclaimer or BlogSettings.current().default_disclaimer,
            shop_products=self.available_products(article),
            related_articles=self.related_articles(article),
            crumbs=crumbs,
            og_image_url=request.build_absolute_uri(image_url) if image_url else "",
            # No FAQPage here: the FAQ page marks up every answer, once for the site.
            jsonld=[
                jsonld.blog_posting(request, article, image_url=image_url),
                jsonld.breadcrumbs(request, crumbs),
            ],
        )
        return context

    def available_products(self, article) -> list:
        """The article's products a shopper can buy now ("shop the article")."""
        strategy = self.request.strategy
        products = []
        for link in article.product_links.all():
            product = link.product
            info = (
                strategy.fetch_for_parent(product)
                if product.is_parent
                else strategy.fetch_for_product(product)
            )
            if info.availability.is_available_to_buy:
                products.append(product)
        return products

    def related_articles(self, article) -> list:
        """Published articles sharing a category or tag, newest first."""
        if self.preview:
            return []
        return list(
            Article.objects.published()
            .filter(
                Q(categories__in=[c.pk for c in article.categories.all()])
                | Q(tags__in=[t.pk for t in article.tags.all()])
            )
            .exclude(pk=article.pk)
            .select_related("author")
            .distinct()[:RELATED_ARTICLES]
        )


class ArticlePreviewView(PermissionRequiredMixin, ArticleDetailView):
    """Any article, draft or scheduled, in the real page layout, for staff who edit the blog."""

    permission_required = "blog.view_article"
    preview = True

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
