"""The test run's settings: production's, on loopback HTTP, signed with this checkout's key.

``shop.settings`` refuses to start with DEBUG off and no strong key, and turns
HTTPS on; tests (and the servers they start, which inherit this environment)
run plain HTTP on 127.0.0.1 with the key in ``var/secret_key``.
"""

import os

from shop.secret_key import checkout_key

os.environ.setdefault("DJANGO_HTTPS", "false")
if not os.environ.get("DJANGO_SECRET_KEY"):
    os.environ.setdefault("DJANGO_SECRET_KEY_FILE", str(checkout_key()))

from shop.settings import *  # noqa: E402, F403

# The demo loader's photographs at a quarter of their size: the tests that load the demo
# store (a dozen, in both database passes) check what it holds, not its pixels;
# tests/demo/test_studio.py checks the photographs themselves at size.
SHOP_DEMO_PHOTO_SCALE = 0.25

# Pages are rendered in every test but the page cache's own (tests/storefront/test_page_cache.py),
# so query counts and content checks see the page as rendered.
SHOP_PAGE_CACHE_SECONDS = 0
