"""Catalogue fork: the product page loads everything it shows in a fixed number of queries."""

from django.db.models import Prefetch
from oscar.apps.catalogue import views
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")


class ProductDetailView(views.ProductDetailView):
    # A size (child product) has no page of its own: its parent's page lists
    # every size with its price, so search engines see one canonical page.
    enforce_parent = True

    def get_queryset(self):
        """The product with its class, stock, images, attributes and public variants."""
        variants = (
            Product.objects.public()
            .prefetch_attribute_values()
            .prefetch_related("stockrecords")
            .order_by("priority", "pk")
        )
        return (
            Product.objects.select_related("product_class", "parent__product_class")
            .with_option_flags()
            .prefetch_attribute_values()
            .prefetch_related(
                "stockrecords",
                "images",
                "parent__images",
                "product_options",
                "product_class__options",
                Prefetch("children", queryset=variants, to_attr="_prefetched_public_children"),
            )
        )
