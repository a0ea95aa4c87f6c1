"""Search fork: listings and the site search come from the database (shop.search.views).

Oscar's search app is haystack's faceted search. This fork keeps the app
label and the ``search:search`` URL but serves ``SiteSearchView`` and never
imports haystack (Oscar's ``ready`` would), so haystack is not an installed
app and keeps no index.
"""

from django.db.backends.signals import connection_created
from oscar.apps.search import apps


class SearchConfig(apps.SearchConfig):
    name = "shop.search"

    def ready(self):
        from shop.search.backends import register_sqlite_functions
        from shop.search.views import SiteSearchView

        self.search_view = SiteSearchView
        connection_created.connect(register_sqlite_functions, dispatch_uid="shop.search.fold")
