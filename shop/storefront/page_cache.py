"""Whole storefront pages from the shared cache.

A campaign brings many visitors to the same few pages. Rendering each costs
tens of milliseconds and dozens of queries; a cached copy costs one cache
read. What may be served from the cache, and to whom:

* **Pages:** only those named in ``CACHED_PAGES`` (catalogue, products, blog,
  FAQ, delivery, chat, search, landing and legal pages, sitemaps), and only a plain GET
  (no htmx request). Basket, checkout, account, dashboard and every page with
  a side effect are never looked up.
* **Anonymous visitors** (no cookie but the CSRF token and the cookie choice)
  get the stored page as it is.
* **Visitors with a session or a basket** get the stored page with its
  personal parts (account links, mini-basket) rendered for them:
  ``shop.storefront.personal_parts`` says who qualifies and how.
* **Anyone else** (messages waiting, a recently-viewed cookie, staff) gets a
  rendered page.
* **Stored answers:** only an anonymous visitor's 200 HTML page (or sitemap) that sets no
  cookie, asks for no CSP nonce, and is not marked private or uncacheable by
  its view.

The stored page has each CSRF token replaced by a placeholder; every visitor's
copy gets a token from their own CSRF cookie (``get_token``), so a form on a
cached page posts like a rendered one.

The key holds the host, the path and query, the cookie choice (the banner)
and the current minute: the dispatch countdown and "back at 8am" are as exact
as on a rendered page, and an article whose scheduled time passes appears
within the minute. The entry holds the content version it was rendered under
and whether chat was online; it is served only while both still hold. Every
save of something a page shows replaces the version (``CONTENT_MODELS``,
through signals, again after the commit). Stock sold by orders saves the stock
record, so it counts too. Changes made without a save signal (a queryset
``update()``) show within the minute. A hit costs one cache read. When a
minute's copy is missing, one request renders it; requests arriving meanwhile get
the previous minute's copy if its content version still holds
(``rendering_elsewhere``), so a busy page is rendered once a minute, not once per
concurrent visitor.

A served page is ``Cache-Control: private, no-cache`` with an ETag: a browser
may keep it and revalidate it (a 304 costs one cache read), but no shared
cache may, because the page holds the visitor's own CSRF token. Static files
and media are the parts a CDN keeps.
"""

import hashlib
import re
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers

from shop.chat.hours import ChatSchedule
from shop.legal import consent
from shop.storefront import personal_parts

# URL names (namespace:name) whose anonymous GETs may be cached.
CACHED_PAGES = frozenset(
    {
        "home",
        "catalogue:index",
        "catalogue:category",
        "catalogue:detail",
        "catalogue:range",
        "catalogue:reviews-list",
        "search:search",
        "offer:list",
        "blog:list",
        "blog:category",
        "blog:tag",
        "blog:author",
        "blog:article",
        "faq:index",
        "landing:page",
        "chat:index",
        "delivery:information",
        "legal:page",
        "sitemap-index",  # 10,000 products make a section a second's work: once a minute
        "sitemap-section",
    }
)

# What a storefront page shows: a save of any of these changes the content version.
# An app label covers its every model.
CONTENT_MODELS = frozenset(
    {
        "sites",
        "flatpages",
        "address.country",
        "catalogue",
        "reviews",
        "partner.partner",
        "partner.stockrecord",
        "offer",
        "shipping",
        "storefront",
        "workdays",
        "labelling",
        "landing",
        "faq",
        "blog",
        "legal.traderidentity",
        "legal.legalpage",
        "legal.legalpageversion",
        "legal.storageitem",
        "chat.openinghours",
        "subscriptions.subscriptionoffer",
    }
)

VERSION_KEY = "page-cache:version"
PLACEHOLDER = b"<!--csrf-token-->"  # escaped user text can never contain "<"
# A masked CSRF token: 64 letters and digits, standing alone.
TOKEN = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# Response headers a stored page does not keep: each answer sets its own.
PER_ANSWER_HEADERS = frozenset(
    {"content-length", "date", "etag", "cache-control", "expires", "set-cookie", "x-page-cache"}
)


@dataclass(frozen=True)
class StoredPage:
    version: str
    chat_online: bool
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # with PLACEHOLDER where each CSRF token was
    digest: str


class PageCacheMiddleware:
    """Serve and store storefront pages (see the module docstring).

    Sits under CsrfViewMiddleware: a page served from the cache still gets the
    CSRF cookie, the session and security headers and the CSP of a rendered one.
    The lookup happens in ``process_view``, once the URL name is known.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        lookup = getattr(request, "page_cache", None)
        if lookup is not None and not lookup.hit:
            self.store(request, response, lookup)
        if getattr(request, "page_cache_renderer", None):
            cache.delete(request.page_cache_renderer)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        visitor = settings.SHOP_PAGE_CACHE_SECONDS and visitor_kind(request)
        if not visitor:
            return None
        if visitor == PERSONAL and not personal_parts.may_personalise(request):
            return None
        key, previous_key = page_key(request), page_key(request, minute=current_minute() - 1)
        found = cache.get_many([VERSION_KEY, key, previous_key])
        version = version_in(found)
        if version is None:  # the cache is down: render the page, once
            return None
        stored = found.get(key)
        hit = current(request, stored, version)
        previous = found.get(previous_key)
        if not hit and current(request, previous, version) and rendering_elsewhere(request, key):
            stored, hit = previous, True
        if visitor == ANONYMOUS:
            request.page_cache = Lookup(key=key, version=version, hit=hit)
            return serve(request, stored) if hit else None
        if not hit:
            stored = getattr(personal_parts.render_shared(request), "stored_page", None)
            if stored is None:  # not a storable page after all: render it for them
                return None
        return serve_personalised(request, stored, "hit" if hit else "miss")

    def store(self, request, response, lookup) -> None:
        if not storable(request, response):
            return
        body = tokens_replaced(response.content, request.META.get("CSRF_COOKIE"))
        stored = StoredPage(
            version=lookup.version,
            chat_online=chat_online(request, lookup.version),
            status=response.status_code,
            headers=tuple(
                (name, value)
                for name, value in response.headers.items()
                if name.lower() not in PER_ANSWER_HEADERS
            ),
            body=body,
            digest=hashlib.sha256(body).hexdigest()[:32],
        )
        # Kept a minute longer: the next minute's first visitors may be served it.
        cache.set(lookup.key, stored, settings.SHOP_PAGE_CACHE_SECONDS + 60)
        response.stored_page = stored
        mark_cacheable(request, response, "miss", stored)


@dataclass
class Lookup:
    key: str
    version: str
    hit: bool


ANONYMOUS, PERSONAL = "anonymous", "personal"


def visitor_kind(request) -> str | None:
    """ANONYMOUS (no cookie but the CSRF token and the cookie choice), PERSONAL (also a
    session or a basket), or None: a page the cache does not serve, or a visitor with
    any other cookie (messages, recently viewed)."""
    match = request.resolver_match
    if (
        request.method != "GET"
        or match is None
        or match.view_name not in CACHED_PAGES
        or "HX-Request" in request.headers
    ):
        return None
    cookies = {name for name, value in request.COOKIES.items() if value}  # "" is a deleted one
    cookies -= {settings.CSRF_COOKIE_NAME, consent.COOKIE_NAME}
    if not cookies:
        return ANONYMOUS
    return PERSONAL if cookies <= personal_parts.personal_cookies() else None


def current(request, stored: "StoredPage | None", version: str) -> bool:
    """Whether ``stored`` shows what a page rendered now would (same minute aside)."""
    return (
        stored is not None
        and stored.version == version
        and stored.chat_online == chat_online(request, version)
    )


RENDER_LOCK_SECONDS = 10


def rendering_elsewhere(request, key: str) -> bool:
    """When a minute's copy is missing, one request renders it while the others are
    served the previous minute's (same content version): a campaign's sixteen concurrent
    visitors no longer render the same page at once, each minute. False (and this
    request renders) when no one else is."""
    lock = f"rendering:{key}"
    if cache.add(lock, 1, RENDER_LOCK_SECONDS):
        request.page_cache_renderer = lock
        return False
    return True


def page_key(request, minute: int | None = None) -> str:
    parts = (
        request.get_host(),
        request.get_full_path(),
        consent.page_variant(request),
        str(current_minute() if minute is None else minute),
    )
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def current_minute() -> int:
    return int(time.time() // 60)


_chat_memo: tuple[tuple[int, str], bool] | None = None


def chat_online(request, version: str) -> bool:
    """Whether chat is open now; worked out once a minute per process and content
    version (opening hours and closures are content, so a change to them is seen)."""
    global _chat_memo
    when, memo = (current_minute(), version), _chat_memo
    if memo is None or memo[0] != when:
        memo = _chat_memo = (when, ChatSchedule.current(request).status().online)
    return memo[1]


def storable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith(("text/html", "application/xml"))
        and not response.cookies
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and not isinstance(getattr(request, "_csp_nonce", None), str)
        and not request.user.is_authenticated
    )


def tokens_replaced(body: bytes, secret: str | None) -> bytes:
    """The page with each CSRF token made from ``secret`` replaced by PLACEHOLDER."""
    if not secret:
        return body

    def replace(match):
        token = match.group().decode()
        return PLACEHOLDER if _unmask_cipher_token(token) == secret else match.group()

    return TOKEN.sub(replace, body)


def serve(request, stored: StoredPage) -> HttpResponse:
    if request.headers.get("If-None-Match") == etag(request, stored):
        response = HttpResponseNotModified()
    else:
        response = page_response(request, stored, stored.body)
    mark_cacheable(request, response, "hit", stored)
    return response


def serve_personalised(request, stored: StoredPage, outcome: str) -> HttpResponse:
    """The stored page with this visitor's own parts and token; never revalidated (its
    parts change with the basket), so it has no ETag."""
    response = page_response(request, stored, personal_parts.personalised(request, stored.body))
    mark_cacheable(request, response, f"personal {outcome}")
    return response


def page_response(request, stored: StoredPage, body: bytes) -> HttpResponse:
    response = HttpResponse(with_token(request, body), status=stored.status)
    for name, value in stored.headers:
        response[name] = value
    return response


def with_token(request, html: bytes) -> bytes:
    """``html`` with each PLACEHOLDER filled by a token of this visitor's CSRF cookie."""
    if PLACEHOLDER not in html:
        return html
    return html.replace(PLACEHOLDER, get_token(request).encode())


def etag(request, stored: StoredPage) -> str:
    """The stored page and the visitor's CSRF secret: a copy kept by the browser is only
    reused while the token in it still matches the visitor's cookie."""
    secret = request.META.get("CSRF_COOKIE", "")
    return '"' + hashlib.sha256(f"{stored.digest}:{secret}".encode()).hexdigest()[:32] + '"'


def mark_cacheable(request, response, outcome: str, stored: StoredPage | None = None) -> None:
    """Headers of an answer from (or into) the cache; an ETag only when ``stored`` is the
    whole answer."""
    if stored is not None:
        response["ETag"] = etag(request, stored)
    response["Cache-Control"] = "private, no-cache"
    response["X-Page-Cache"] = outcome
    patch_vary_headers(response, ("Cookie",))


def content_changed(sender, **kwargs) -> None:
    """Signal receiver: a new content version now and, for the transaction's own
    readers, again once it commits (a page rendered before the commit is not kept)."""
    if sender.__module__ == "__fake__" or kwargs.get("raw"):
        return  # a migration's or a fixture's rows: no page is served meanwhile, and the
        # database cache's table may not exist yet (migrate creates it last)
    meta = sender._meta
    if meta.app_label in CONTENT_MODELS or meta.label_lower in CONTENT_MODELS:
        new_version()
        transaction.on_commit(new_version)


def version_in(found: dict) -> str | None:
    """The content version from a ``get_many`` that asked for VERSION_KEY; a first one is
    made when there is none (a new or cleared cache). None while the cache is unusable."""
    version = found.get(VERSION_KEY)
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY)
    return version


def new_version() -> None:
    cache.set(VERSION_KEY, secrets.token_hex(8), None)
