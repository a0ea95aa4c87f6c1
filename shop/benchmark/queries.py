"""How many database queries each benchmarked page runs when it is rendered (the page
cache off), so ``bench --compare`` can show that no count grows with the data."""

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from shop.benchmark.pages import Page


def rendered_queries(page: Page) -> int | None:
    """The queries of the second of two requests (the first warms per-process memos);
    None for a POST, whose repetition would change the data."""
    if page.lua:
        return None
    client = Client(HTTP_HOST="127.0.0.1")
    for header in page.headers:
        name, value = header.split(": ", 1)
        if name == "Cookie":
            for cookie in value.split("; "):
                key, _, morsel = cookie.partition("=")
                client.cookies[key] = morsel
    with override_settings(SHOP_PAGE_CACHE_SECONDS=0):
        client.get(page.path, secure=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.path, secure=True)
    if response.status_code not in page.expect:
        raise RuntimeError(f"{page.name} ({page.path}) answered {response.status_code} in-process")
    return len(queries)
