"""Customer history fork: the recently-viewed list lives in an optional cookie, so it
is kept only for visitors who accepted optional cookies (PECR)."""

from oscar.apps.customer import history

from shop.legal import consent


class CustomerHistoryManager(history.CustomerHistoryManager):
    @classmethod
    def update(cls, product, request, response):
        if consent.allows_optional(request):
            super().update(product, request, response)
