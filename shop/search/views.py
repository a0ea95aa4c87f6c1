"""Search fork: "all products" and category pages listed from the database, and
the site-wide search.

Oscar's own listings and search are haystack searches, and with haystack's
simple backend they show "No products found" (Oscar issue #4366). These
views use the ORM: public products only, paginated, sortable, in a query
count that does not grow with the number of products on the page. The
search (``SiteSearchView``) covers products, articles and FAQ answers.
"""

from urllib.parse import unquote, urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from blog.models import Article
from shop.search.backends import Query
from shop.search.forms import ProductSortForm
from shop.search.results import GROUPS, SiteSearch
from shop.seo import jsonld

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")


class CatalogueView(ListView):
    """Every browsable product."""

    template_name = "oscar/catalogue/browse.html"
    context_object_name = "products"

    def get_paginate_by(self, queryset):
        return settings.OSCAR_PRODUCTS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.sort_form = ProductSortForm(request.GET)
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            messages.error(request, "That page number does not exist; here is the first page.")
            return redirect(self.first_page_url())

    def first_page_url(self) -> str:
        return self.request.path

    def get_queryset(self):
        return Product.objects.for_listing().sorted_by(self.sort_form.sort_key())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = "All products"
        context["sort_form"] = self.sort_form
        return context


class ProductCategoryView(CatalogueView):
    """The browsable products of a category and its descendants."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        # Staff may preview hidden categories.
        if not (self.category.is_public or request.user.is_staff):
            raise Http404("No such category")
        # Categories are looked up by pk, so a renamed slug redirects.
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def first_page_url(self) -> str:
        return self.category.get_absolute_url()

    def get_queryset(self):
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.category.name
        context["category"] = self.category
        crumbs = [("Home", "/")] + [
            (c.name, c.get_absolute_url()) for c in self.category.get_ancestors_and_self()
        ]
        context["crumbs"] = crumbs
        context["jsonld"] = [jsonld.breadcrumbs(self.request, crumbs)]
        return context


class SiteSearchView(TemplateView):
    """The header's search: products, articles and questions, grouped and ranked.

    ``?group=`` pages through one group. Addresses from Oscar's haystack
    search (facets, model filters) redirect here without what no longer
    applies.
    """

    template_name = "search/results.html"
    LEGACY_PARAMS = ("selected_facets", "models", "sort_by")
    SUGGESTED_ARTICLES = 3

    def get(self, request, *args, **kwargs):
        if any(name in request.GET for name in self.LEGACY_PARAMS):
            kept = {k: v for k, v in request.GET.items() if k in ("q", "page")}
            return HttpResponsePermanentRedirect(
                reverse("search:search") + (f"?{urlencode(kept)}" if kept else "")
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = Query.parse(self.request.GET.get("q", ""))
        search = SiteSearch(query, self.request)
        group = self.request.GET.get("group")
        if group in GROUPS and query:
            groups = [search.group(group, self.request.GET.get("page") or 1)]
        else:
            group = None
            groups = search.overview()
        total = sum(g.count for g in groups)
        context.update(
            query=query,
            search=search,
            group=group,
            groups=groups,
            total=total,
            suggestions=self.suggestions() if not total else None,
        )
        return context

    def suggestions(self) -> dict:
        """For an empty query or no results: where to go instead."""
        return {
            "categories": list(
                Category.objects.browsable()
                .filter(depth=1, exclude_from_menu=False)
                .order_by("path")
            ),
            "articles": list(
                Article.objects.published().select_related("author")[: self.SUGGESTED_ARTICLES]
            ),
        }
