"""Search fork: "all products" and category pages listed from the database.

Oscar's own listings are haystack searches, and with haystack's simple
backend they show "No products found" (Oscar issue #4366). These views use
the ORM: public products only, paginated, sortable, in a query count that
does not grow with the number of products on the page.
"""

from urllib.parse import unquote

from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import ListView
from oscar.core.loading import get_model

from shop.search.forms import ProductSortForm
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


class ProductSearchView(CatalogueView):
    """Products whose title or description contains every word the shopper typed.

    Replaces Oscar's haystack search, whose simple backend finds nothing here.
    """

    MAX_WORDS = 10

    def get(self, request, *args, **kwargs):
        self.query = " ".join(request.GET.get("q", "").split())[:200]
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        words = self.query.split()[: self.MAX_WORDS]
        if not words:
            return queryset.none()
        for word in words:
            queryset = queryset.filter(Q(title__icontains=word) | Q(description__icontains=word))
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = f"Search results for “{self.query}”" if self.query else "Search"
        context["query"] = self.query
        return context
