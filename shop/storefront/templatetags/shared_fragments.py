"""``{% shared "name" %}...{% endshared %}``: a part of the layout that is the same for
every visitor (the promise strip, the menu, the footer's links and the business's
details), rendered once per content version and read back from the shared cache.

Every page that is rendered (the basket, the account, a page the page cache does not
serve) pays for its layout; these parts cost about half of it. One cache read fetches
all of them (``FRAGMENTS``). A fragment is stored only if it holds no CSRF token and no
personal part, so nothing of one visitor can reach another; it lives as long as a cached
page (``SHOP_PAGE_CACHE_SECONDS``; 0 turns fragments off too) and is replaced with the
content version (``shop.storefront.page_cache``).
"""

from django import template
from django.conf import settings
from django.core.cache import cache

from shop.storefront import page_cache

register = template.Library()

FRAGMENTS = (
    "promise-strip",
    "site-nav",
    "footer-shop",
    "footer-terms",
    "footer-business",
    "footer-legal-line",
)
UNSHAREABLE = ("csrfmiddlewaretoken", "<!--personal:")


def key(name: str) -> str:
    return f"fragment:{name}"


def stored_fragments(request) -> tuple[str | None, dict[str, str]]:
    """The content version and every fragment stored under it; one cache read a request."""
    memo = request.__dict__.get("_shared_fragments")
    if memo is None:
        found = cache.get_many([page_cache.VERSION_KEY, *map(key, FRAGMENTS)])
        version = page_cache.version_in(found)
        html = {
            name: entry[1]
            for name in FRAGMENTS
            if (entry := found.get(key(name))) is not None and entry[0] == version
        }
        memo = request._shared_fragments = (version, html)
    return memo


class SharedNode(template.Node):
    def __init__(self, name: str, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None or not settings.SHOP_PAGE_CACHE_SECONDS:
            return self.nodelist.render(context)
        version, stored = stored_fragments(request)
        if self.name in stored:
            return stored[self.name]
        html = self.nodelist.render(context)
        if version is not None and not any(mark in html for mark in UNSHAREABLE):
            cache.set(key(self.name), (version, str(html)), settings.SHOP_PAGE_CACHE_SECONDS)
        return html


@register.tag
def shared(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][1:-1] not in FRAGMENTS:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one name from FRAGMENTS, quoted")
    nodelist = parser.parse(("endshared",))
    parser.delete_first_token()
    return SharedNode(bits[1][1:-1], nodelist)
