"""Cached pages for visitors with a basket or an account: the shared page, their own parts.

A storefront page differs between a first-time visitor and a returning
customer only in a few marked parts of its layout: the account links, the
mini-basket and the footer's account link (``<!--personal:NAME-->...
<!--/personal-->`` in the templates). So a visitor with a session or a basket
is served the page stored for anonymous visitors with those parts rendered for
them, or read back from where they were kept (``visitor_parts``): a session read,
their user and a few cache reads instead of the whole page.

Who gets a rendered page instead: staff (pages show them edit links), anyone
with messages waiting (they are shown once, on the next rendered page), a
signed-in customer on a page with more personal content (``SIGNED_IN_VARIES``:
the product page's wish-list buttons), and every chat page (the conversation
lives in the session).

When no shared page is stored yet, it is rendered as an anonymous visitor
with the same cookie choice would get it (a request without the visitor's
cookies, through the whole stack) and stored, so nothing personal can reach
the stored page.
"""

import io
import re
import secrets
import threading

from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.core.signing import BadSignature, Signer
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from oscar.apps.communication.notifications.context_processors import notifications
from oscar.core.loading import get_model

from shop.legal import consent

Basket = get_model("basket", "Basket")
BasketLine = get_model("basket", "Line")

PARTS = {
    "account": "shop/partials/account_nav.html",
    "basket": "shop/partials/mini_basket.html",
    "footer-account": "shop/partials/footer_account_link.html",
}
PART = re.compile(rb"<!--personal:([a-z-]+)-->.*?<!--/personal-->", re.S)

# Pages whose content (not only their parts) differs for a signed-in customer.
SIGNED_IN_VARIES = frozenset({"catalogue:detail"})
NEVER_PERSONALISED = frozenset({"chat:index"})

# Request headers the shared render must not see: the visitor's cookies, their copy's
# validator, and htmx's.
PRIVATE_HEADERS = ("HTTP_COOKIE", "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE")


def personal_cookies() -> set[str]:
    """Cookies that make a visitor personal rather than anonymous."""
    return {settings.SESSION_COOKIE_NAME, settings.OSCAR_BASKET_COOKIE_OPEN}


def may_personalise(request) -> bool:
    """Whether the stored page with this visitor's parts is the page they would get."""
    if request.resolver_match.view_name in NEVER_PERSONALISED:
        return False
    user = request.user
    if user.is_staff:
        return False
    if user.is_authenticated and request.resolver_match.view_name in SIGNED_IN_VARIES:
        return False
    return len(get_messages(request)) == 0


def personalised(request, body: bytes) -> bytes:
    """``body`` with each personal part rendered for this visitor (or read back: see
    ``visitor_parts``)."""
    rendered = visitor_parts(request)
    return PART.sub(lambda match: rendered[match.group(1).decode()], body)


def render_parts(request) -> dict[str, bytes]:
    context = {
        "request": request,
        "user": request.user,
        "perms": PermWrapper(request.user),
        "csrf_token": get_token(request),
        **notifications(request),
    }
    return {name: render_to_string(template, context).encode() for name, template in PARTS.items()}


def visitor_parts(request) -> dict[str, bytes]:
    """This visitor's parts, from the cache when neither their basket nor the content has
    changed this minute.

    Rendering them loads the basket, applies offers and prices every line, checks the
    customer's permissions and counts their notifications: most of a personalised page's
    cost. So they are kept per customer and basket, with the content version, the
    basket's stamp (renewed by every save of the basket, its lines or vouchers:
    ``basket_changed``) and the minute; the basket and checkout pages never use them.
    A CSRF token in them is kept as the page cache's placeholder."""
    from shop.storefront import page_cache  # page_cache imports this module

    whose = visitor_key(request)
    if whose is None:
        return render_parts(request)
    user_id, basket_id = whose
    key, stamp_key = f"parts:{user_id}:{basket_id}", f"basket-stamp:{basket_id}"
    found = cache.get_many([page_cache.VERSION_KEY, stamp_key, key])
    valid = (
        page_cache.version_in(found),
        found.get(stamp_key, ""),
        page_cache.current_minute(),
    )
    stored = found.get(key)
    if stored is not None and stored[0] == valid:
        return stored[1]
    rendered = render_parts(request)
    secret = request.META.get("CSRF_COOKIE")
    kept = {name: page_cache.tokens_replaced(html, secret) for name, html in rendered.items()}
    if valid[0] is not None:
        cache.set(key, (valid, kept), 60)
    return rendered


def visitor_key(request) -> tuple[int, int] | None:
    """(user id, open basket id), 0 for none; None when only Oscar's own loading of the
    basket will do (a guest basket to merge at sign-in, an unreadable basket cookie, a
    customer with no open basket or several)."""
    cookie = request.COOKIES.get(settings.OSCAR_BASKET_COOKIE_OPEN)
    basket_id = 0
    if cookie:
        try:
            basket_id = int(Signer().unsign(cookie))
        except (BadSignature, ValueError):
            return None
    user = request.user
    if not user.is_authenticated:
        return (0, basket_id)
    if basket_id:
        return None
    open_baskets = list(Basket.open.filter(owner=user).values_list("pk", flat=True)[:2])
    return (user.pk, open_baskets[0]) if len(open_baskets) == 1 else None


def basket_changed(sender, instance=None, **kwargs) -> None:
    """Signal receiver (``BASKET_MODELS``): a new stamp for each basket whose lines,
    vouchers or state changed."""
    if kwargs.get("raw") or sender.__module__ == "__fake__":
        return
    if kwargs.get("model") is Basket:  # vouchers changed from the voucher's side
        basket_ids = kwargs.get("pk_set") or ()
    elif isinstance(instance, Basket):
        basket_ids = (instance.pk,)
    elif isinstance(instance, BasketLine):
        basket_ids = (instance.basket_id,)
    else:  # a line's attribute
        basket_ids = (instance.line.basket_id,)
    for basket_id in basket_ids:
        if basket_id:
            cache.set(f"basket-stamp:{basket_id}", secrets.token_hex(8), 3600)


def connect_receivers() -> None:
    for model in (Basket, BasketLine, get_model("basket", "LineAttribute")):
        post_save.connect(basket_changed, sender=model, dispatch_uid=f"parts-{model.__name__}")
        post_delete.connect(basket_changed, sender=model, dispatch_uid=f"parts-d-{model.__name__}")
    m2m_changed.connect(basket_changed, sender=Basket.vouchers.through, dispatch_uid="parts-v")


_handler = None
_handler_lock = threading.Lock()


def render_shared(request):
    """The answer an anonymous visitor with this visitor's cookie choice would get for this
    URL, through the whole middleware stack (which stores it)."""
    global _handler
    with _handler_lock:
        if _handler is None:
            _handler = WSGIHandler()
    environ = {
        name: value
        for name, value in request.environ.items()
        if name not in PRIVATE_HEADERS and not name.startswith("HTTP_HX_")
    }
    choice = request.COOKIES.get(consent.COOKIE_NAME)
    if choice:
        environ["HTTP_COOKIE"] = f"{consent.COOKIE_NAME}={choice}"
    environ.update({"wsgi.input": io.BytesIO(b""), "CONTENT_LENGTH": "0"})
    return _handler.get_response(WSGIRequest(environ))
