"""Site-wide template context: the promise strip and the menu (the trader's identity
comes from shop.legal).

Queries are lazy, so a page that shows neither the strip nor the menu (the
dashboard) costs nothing, and the header and footer share one menu query.
"""

from django.utils.functional import SimpleLazyObject
from oscar.core.loading import get_model

from shop.storefront.promises import shown_promises

Category = get_model("catalogue", "Category")


def menu_categories() -> list:
    """The product lines: public top-level categories not excluded from menus."""
    return list(
        Category.objects.browsable().filter(depth=1, exclude_from_menu=False).order_by("path")
    )


def storefront(request):
    return {
        "store_promises": SimpleLazyObject(lambda: shown_promises(request)),
        "menu_categories": SimpleLazyObject(menu_categories),
    }
