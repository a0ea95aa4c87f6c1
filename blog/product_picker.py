"""The admin's autocomplete, which for an article's related products lists products a
shopper can buy (not each size) named with their price: "Goat's Milk Kefir, from £4.49,
2 sizes". Mounted in front of Django's own at /admin/autocomplete/ (shop/urls.py), staff
only like the rest of the admin; every other autocomplete answers as Django's does."""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from oscar.core.loading import get_class
from oscar.templatetags.currency_filters import currency

from blog.models import ArticleProduct

Selector = get_class("partner.strategy", "Selector")


class ProductPickerView(AutocompleteJsonView):
    def for_article_products(self) -> bool:
        return self.source_field.model is ArticleProduct

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.for_article_products():
            queryset = queryset.filter(parent__isnull=True, is_public=True).prefetch_related(
                "stockrecords", "children__stockrecords"
            )
        return queryset

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if self.for_article_products():
            result["text"] = label(obj, Selector().strategy(request=self.request))
        return result


def label(product, strategy) -> str:
    words = [product.get_title()]
    fetch = strategy.fetch_for_parent if product.is_parent else strategy.fetch_for_product
    price = fetch(product).price
    if price.exists:
        prefix = "from " if product.is_parent else ""
        words.append(f"{prefix}{currency(price.incl_tax, price.currency)}")
    if product.is_parent:
        sizes = len(product.children.all())
        words.append(f"{sizes} size{'s' if sizes != 1 else ''}")
    return ", ".join(words)
