"""Site-wide template context: the promise strip and the business's identity.

The promises are queried lazily, so a page that does not show the strip
(the dashboard) costs no query.
"""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from shop.storefront.models import StorePromise


def storefront(request):
    return {
        "store_promises": SimpleLazyObject(lambda: list(StorePromise.objects.shown())),
        "business": {
            "name": settings.SHOP_BUSINESS_NAME,
            "address": settings.SHOP_BUSINESS_ADDRESS,
        },
    }
