"""Content-Security-Policy and Permissions-Policy for every response.

The base policy (settings.CONTENT_SECURITY_POLICY) allows only our own origin.
Storefront pages carry no inline script and no nonce, so they may be cached;
staff pages (the dashboard's per-page set-up script) ask for a nonce through
``request.csp_nonce`` and are never cached. Three kinds of page get more,
decided here by URL name:

* pages with a rich-text editor, which writes inline styles (Oscar's TinyMCE
  on some dashboard forms, django-prose-editor on the admin forms of models
  with a ProseEditorField): ``style-src 'unsafe-inline'``;
* the payment pages: the gateway's own sources (``Gateway.content_security_policy``)
  and the Payment Request API (``payment=(self ...)``);
* a subscriber's card page: its form may go on to the gateway's card page
  (``Gateway.card_setup_origins``, e.g. Stripe Checkout);
* nothing else. Oscar's templates put a few fixed ``style="display:none"``
  attributes on ordinary pages; those exact values are allowed by hash
  (``'unsafe-hashes'``), which admits no other inline style.
"""

import base64
import functools
import hashlib

from csp.constants import NONCE, NONE, REPORT_SAMPLE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property

# The fixed inline style attributes of Oscar's templates that we do not override
# (partials/nav_checkout.html, basket/partials/basket_content.html,
# dashboard/partials/bulk_actions.html, dashboard/offers/offer_detail.html,
# dashboard/partners/partner_user_select.html, dashboard/catalogue/product_bulk_action.html,
# dashboard/orders/order_detail.html). Exact strings: a hash admits nothing else.
ALLOWED_STYLE_ATTRIBUTES = (
    "width: auto;",
    "display:none",
    "display:none;",
    "display: none;",
    "font-weight: normal",
    "margin-top:5px",
    "width:40px",
    "width:40px;",
)

# Oscar dashboard pages whose forms carry the "wysiwyg" class (TinyMCE).
RICH_TEXT_DASHBOARD_PAGES = frozenset(
    {
        "catalogue-product",
        "catalogue-product-create",
        "catalogue-category-create",
        "catalogue-category-create-child",
        "catalogue-category-update",
        "catalogue-class-create",
        "catalogue-class-update",
        "catalogue-option-create",
        "catalogue-option-update",
        "catalogue-attribute-option-group-create",
        "catalogue-attribute-option-group-update",
        "offer-metadata",
        "offer-condition",
        "offer-benefit",
        "offer-restrictions",
        "range-create",
        "range-update",
        "page-create",
        "page-update",
        "partner-user-create",
        "partner-user-update",
    }
)

# The checkout steps that take payment (the gateway's scripts and frames).
PAYMENT_PAGES = frozenset({"payment-details", "preview"})

# Browser features no page of ours uses; "payment" is opened on PAYMENT_PAGES.
DISABLED_FEATURES = (
    "accelerometer",
    "autoplay",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "usb",
    "xr-spatial-tracking",
)


def style_hash(value: str) -> str:
    digest = hashlib.sha256(value.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def base_directives(media_url: str) -> dict:
    """The policy every page starts from (settings.CONTENT_SECURITY_POLICY)."""
    media_origin = media_url.split("/", 3)[:3] if "://" in media_url else None
    images = [SELF, "data:", "blob:"]
    if media_origin:
        images.append("/".join(media_origin))
    return {
        "default-src": [SELF],
        # 'report-sample': a violation report quotes the start of what was blocked.
        "script-src": [SELF, NONCE, REPORT_SAMPLE],
        "style-src": [
            SELF,
            UNSAFE_HASHES,
            *map(style_hash, ALLOWED_STYLE_ATTRIBUTES),
            REPORT_SAMPLE,
        ],
        "img-src": images,
        # data: for the two-letter ē faces written into shop.css (static/shop/fonts/README.md)
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }


@functools.cache
def rich_text_admin_pages() -> frozenset[str]:
    """Admin add/change URL names of the models whose forms (or inlines) use the prose editor."""
    from django.contrib import admin
    from django_prose_editor.fields import ProseEditorField

    def rich(model) -> bool:
        return any(isinstance(field, ProseEditorField) for field in model._meta.get_fields())

    names = set()
    for model, model_admin in admin.site._registry.items():
        if rich(model) or any(rich(inline.model) for inline in model_admin.inlines):
            prefix = f"{model._meta.app_label}_{model._meta.model_name}"
            names |= {f"{prefix}_add", f"{prefix}_change"}
    return frozenset(names)


def _page(request) -> tuple[str, str]:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "", ""
    return match.namespace, match.url_name or ""


# Pages whose form sends the customer to the gateway's page to save a card.
CARD_SETUP_PAGES = frozenset({("subscriptions", "card")})


def is_payment_page(request) -> bool:
    namespace, name = _page(request)
    return namespace == "checkout" and name in PAYMENT_PAGES


class ContentPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the per-page additions described above."""

    @cached_property
    def gateway(self):
        from shop.gateways import get_gateway

        return get_gateway()

    @cached_property
    def gateway_policy(self) -> dict:
        return getattr(self.gateway, "content_security_policy", {}) or {}

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        namespace, name = _page(request)
        replace = dict(parts.replace or {})
        update = dict(parts.update or {})
        if (namespace.startswith("dashboard") and name in RICH_TEXT_DASHBOARD_PAGES) or (
            namespace == "admin" and name in rich_text_admin_pages()
        ):
            # Hashes would switch 'unsafe-inline' off, so the directive is replaced.
            replace["style-src"] = [SELF, UNSAFE_INLINE, REPORT_SAMPLE]
        if is_payment_page(request):
            base = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
            for directive, sources in self.gateway_policy.items():
                if base.get(directive) == [NONE]:  # 'none' beside a source is an error
                    replace[directive] = [*sources]
                else:
                    update[directive] = [*update.get(directive, []), *sources]
        if _page(request) in CARD_SETUP_PAGES:
            origins = getattr(self.gateway, "card_setup_origins", [])
            update["form-action"] = [*update.get("form-action", []), *origins]
        parts.replace, parts.update = replace or None, update or None
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if isinstance(getattr(request, "_csp_nonce", None), str):
            # A nonce is good for one response: a cached copy would replay it.
            patch_cache_control(response, private=True, no_store=True)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = permissions_policy(request, self.gateway_policy)
        return response


def permissions_policy(request, gateway_policy: dict) -> str:
    if is_payment_page(request):
        origins = " ".join(f'"{origin}"' for origin in gateway_policy.get("frame-src", []))
        payment = f"payment=(self {origins})".replace(" )", ")")
    else:
        payment = "payment=()"
    return ", ".join([*(f"{feature}=()" for feature in DISABLED_FEATURES), payment])
