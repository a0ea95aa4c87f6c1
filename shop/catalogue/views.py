"""Catalogue fork: the product page loads everything it shows in a fixed number of queries."""

from django.db.models import Prefetch
from oscar.apps.catalogue import views
from oscar.core.loading import get_model

from shop.faq.answers import shown_entries
from shop.faq.models import FAQEntry
from shop.seo import jsonld

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
                Prefetch("faq_entries", queryset=FAQEntry.objects.visible()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        product, request = self.object, self.request
        crumbs = self.breadcrumbs(product)
        image = product.primary_image()
        context.update(
            crumbs=crumbs,
            og_image_url=""
            if isinstance(image, dict)  # Oscar's stand-in when there is no image
            else request.build_absolute_uri(image.original.url),
            product_faqs=shown_entries(product.faq_entries.all(), request),
            jsonld=[jsonld.product(request, product), jsonld.breadcrumbs(request, crumbs)],
        )
        return context

    def breadcrumbs(self, product) -> list[tuple[str, str]]:
        """Home, the product's first category and its ancestors, the product."""
        crumbs = [("Home", "/")]
        category = product.get_categories().order_by("path").first()
        if category is not None:
            crumbs += [(c.name, c.get_absolute_url()) for c in category.get_ancestors_and_self()]
        return [*crumbs, (product.get_title(), product.get_absolute_url())]
