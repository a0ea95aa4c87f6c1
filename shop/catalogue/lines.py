"""The product lines (top-level categories) with their sections and best sellers, as the
home page and a landing page's "Our product lines" block show them."""

from django.db.models import F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber, Substr
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")

FEATURED_PER_LINE = 4


def product_lines(per_line: int = FEATURED_PER_LINE) -> list:
    """Top-level categories with ``sections`` and ``featured`` products attached.

    Three queries plus the listing prefetches, however many products exist:
    the top products of every line come from one windowed query.
    """
    browsable = Category.objects.browsable().filter(exclude_from_menu=False).order_by("path")
    lines = list(browsable.filter(depth=1))
    sections = list(browsable.filter(depth=2))
    line_of_product = Subquery(
        ProductCategory.objects.filter(product=OuterRef("pk"), category__in=browsable)
        .order_by("category__path")
        .values(line=Substr("category__path", 1, Category.steplen))[:1]
    )
    featured = list(
        Product.objects.for_listing()
        .annotate(line_path=line_of_product)
        .annotate(
            line_rank=Window(
                RowNumber(),
                partition_by=F("line_path"),
                order_by=[F("priority").desc(), F("title").asc(), F("pk").asc()],
            )
        )
        .filter(line_rank__lte=per_line)
        .order_by("line_path", "line_rank")
    )
    for line in lines:
        line.sections = [c for c in sections if c.path.startswith(line.path)]
        for section in line.sections:  # the URL from the parent's slug: no ancestor query
            section.url = section._get_absolute_url(parent_slug=line.slug)
        line.featured = [p for p in featured if p.line_path == line.path]
    return lines
