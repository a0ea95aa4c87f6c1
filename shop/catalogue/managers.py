"""Catalogue fork: the product queries the storefront's listings need."""

from django.db.models import Count, Exists, F, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from oscar.apps.catalogue import managers
from oscar.core.loading import get_model

# Sort keys offered to shoppers, mapped to ORDER BY terms. "featured" honours
# the staff-set priority; every ordering ends on pk so pages never overlap.
LISTING_ORDERINGS: dict[str, tuple] = {
    "featured": ("-priority", "title", "pk"),
    "price-asc": (F("listing_price").asc(nulls_last=True), "title", "pk"),
    "price-desc": (F("listing_price").desc(nulls_last=True), "title", "pk"),
    "newest": ("-date_created", "-pk"),
    "name": ("title", "pk"),
}


class ProductQuerySet(managers.ProductQuerySet):
    def for_listing(self) -> "ProductQuerySet":
        """Browsable products with everything a product card shows.

        A product card needs the class (VAT rate), stock records (price and
        availability), its verified review count (stars), images, public
        children with their stock records (a parent's "from" price) and whether
        the product has options (compact add-to-basket form). All of it arrives
        in a fixed number of queries, however many products the page lists.
        """
        Product = self.model
        public_children = (
            Product.objects.public().prefetch_related("stockrecords").order_by("priority", "pk")
        )
        return (
            self.browsable()
            .select_related("product_class")
            .with_option_flags()
            .annotate(
                listing_price=self._cheapest_price(),
                verified_review_count=self._verified_review_count(),
            )
            .prefetch_related(
                "stockrecords",
                "images",
                Prefetch(
                    "children", queryset=public_children, to_attr="_prefetched_public_children"
                ),
            )
        )

    def with_option_flags(self) -> "ProductQuerySet":
        """Annotate what ``Product.has_options`` reads, instead of a query per product."""
        Option = get_model("catalogue", "Option")
        return self.annotate(
            has_product_class_options=Exists(
                Option.objects.filter(productclass=OuterRef("product_class"))
            ),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )

    def _verified_review_count(self):
        """How many approved reviews from verified buyers the product has (its card's
        stars and count)."""
        ProductReview = get_model("reviews", "ProductReview")
        reviews = (
            ProductReview.objects.filter(
                product=OuterRef("pk"), status=ProductReview.APPROVED, verified_purchase=True
            )
            .order_by()
            .values("product")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Coalesce(Subquery(reviews), 0)

    def _cheapest_price(self):
        """The lowest VAT-inclusive price of the product or of its public children."""
        StockRecord = get_model("partner", "StockRecord")
        own = StockRecord.objects.filter(product=OuterRef("pk"), price__isnull=False)
        children = StockRecord.objects.filter(
            product__parent=OuterRef("pk"), product__is_public=True, price__isnull=False
        )
        return Coalesce(
            Subquery(own.order_by("price").values("price")[:1]),
            Subquery(children.order_by("price").values("price")[:1]),
        )

    def in_category(self, category) -> "ProductQuerySet":
        """Products filed under the category or any of its descendants."""
        ProductCategory = get_model("catalogue", "ProductCategory")
        return self.filter(
            Exists(
                ProductCategory.objects.filter(
                    product=OuterRef("pk"),
                    category__path__startswith=category.path,
                )
            )
        )

    def sorted_by(self, key: str) -> QuerySet:
        """Order a listing by one of LISTING_ORDERINGS' keys (unknown keys: featured)."""
        return self.order_by(*LISTING_ORDERINGS.get(key, LISTING_ORDERINGS["featured"]))
