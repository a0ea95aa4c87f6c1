"""Search fork: catalogue and category listings come from the ORM (shop.search.views)."""

import oscar.apps.search.apps as apps


class SearchConfig(apps.SearchConfig):
    name = "shop.search"
