"""Search fork: listings and product search come from the ORM (shop.search.views)."""

import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    name = "shop.search"

    def ready(self):
        from shop.search.views import ProductSearchView

        super().ready()
        self.search_view = ProductSearchView
