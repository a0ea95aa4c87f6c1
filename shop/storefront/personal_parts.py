"""Cached pages for visitors with a basket or an account: the shared page, their own parts.

A storefront page differs between a first-time visitor and a returning
customer only in a few marked parts of its layout: the account links, the
mini-basket and the footer's account link (``<!--personal:NAME-->...
<!--/personal-->`` in the templates). So a visitor with a session or a basket
is served the page stored for anonymous visitors with those parts rendered for
them: a session read, their user and basket, and three small templates instead
of the whole page.

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
import threading

from django.conf import settings
from django.contrib.auth.context_processors import PermWrapper
from django.contrib.messages import get_messages
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from oscar.apps.communication.notifications.context_processors import notifications

from shop.legal import consent

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
    """``body`` with each personal part rendered for this visitor."""
    context = {
        "request": request,
        "user": request.user,
        "perms": PermWrapper(request.user),
        "csrf_token": get_token(request),
        **notifications(request),
    }

    def part(match) -> bytes:
        name = match.group(1).decode()
        return render_to_string(PARTS[name], context).encode()

    return PART.sub(part, body)


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
