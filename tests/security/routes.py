"""Every URL of the site, enumerated from the URLconf, with real objects filled in.

A new URL pattern is walked automatically; if its arguments cannot be filled
from the world, ``every_route`` fails and says which, so nobody forgets a page.
"""

import re
from dataclasses import dataclass

from django.contrib import admin
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from shop.newsletter import tokens as newsletter_tokens
from shop.newsletter.models import ConsentRecord, Subscriber
from shop.subscriptions import links
from tests.security.world import World


@dataclass(frozen=True)
class Route:
    name: str  # namespace:name
    url: str


# (URL name pattern, argument) -> how to fill it from the world. First match wins.
PK_SOURCES = [
    (r"^blog:preview$", "article"),
    (r"^landing:preview$", "landing_page"),
    (r"^basket:vouchers-remove$", "voucher"),
    (r"^basket:add$", "product"),
    (r"^checkout:user-address-", "address"),
    (r"^customer:address-", "address"),
    (r"^customer:notifications-detail$", "notification"),
    (r"^customer:alert-create$", "product"),
    (r"^customer:alerts-cancel-by-pk$", "alert"),
    (r"^catalogue:reviews-", "review"),
    (r"^catalogue:detail$", "product"),
    (r"^catalogue:category$", "category"),
    (r"^dashboard:stock-level-", "stockrecord"),
    (r"^dashboard:catalogue-product", "product"),
    (r"^dashboard:catalogue-category-", "category"),
    (r"^dashboard:catalogue-class-", "product_class"),
    (r"^dashboard:catalogue-attribute-option-group-", "option_group"),
    (r"^dashboard:catalogue-option-", "option"),
    (r"^dashboard:user-alert-", "alert"),
    (r"^dashboard:user-", "customer"),
    (r"^dashboard:page-", "flatpage"),
    (r"^dashboard:partner-", "partner"),
    (r"^dashboard:offer-", "offer"),
    (r"^dashboard:range-", "range"),
    (r"^dashboard:reviews-", "review"),
    (r"^dashboard:voucher-set-", "voucher_set"),
    (r"^dashboard:voucher-", "voucher"),
    (r"^dashboard:shipping-method-", "delivery_method"),
    (r"^dashboard:shipping-closure-", "closure"),
    (r"^dashboard:chat-conversation", "conversation"),
    (r"^dashboard:chat-canned-", "canned_reply"),
    (r"^(subscriptions|dashboard:subscription)", "subscription"),
    (r"^dashboard:cancellation-", "cancellation"),
]
SLUG_SOURCES = {
    "blog:category": lambda w: w.article.categories.first().slug,
    "blog:category-feed-rss": lambda w: w.article.categories.first().slug,
    "blog:category-feed-atom": lambda w: w.article.categories.first().slug,
    "blog:tag": lambda w: w.article.tags.first().slug,
    "blog:author": lambda w: w.author.slug,
    "blog:article": lambda w: w.article.slug,
    "catalogue:range": lambda w: w.range.slug,
    "offer:detail": lambda w: w.offer.slug,
    "dashboard:comms-update": lambda w: w.event_type.code,
    "legal:page": lambda w: w.legal_page.slug,
    "landing:page": lambda w: w.landing_page.slug,
}


def _pk(name: str, world: World):
    for pattern, source in PK_SOURCES:
        if re.search(pattern, name):
            return getattr(world, source).pk
    raise LookupError(f"No object for the pk of {name}: add it to PK_SOURCES")


def _argument(name: str, argument: str, world: World):
    order = world.order
    fillers = {
        "pk": lambda: _pk(name, world),
        "slug": lambda: SLUG_SOURCES[name](world),
        "product_slug": lambda: world.product.slug,
        "product_pk": lambda: world.product.pk,
        "category_slug": lambda: world.category.full_slug,
        "product_class_slug": lambda: world.product_class.slug,
        "parent_pk": lambda: world.parent.pk,
        "parent": lambda: world.category.pk,
        "number": lambda: order.number,
        "order_number": lambda: order.number,
        "hash": lambda: order.verification_hash(),
        "line_id": lambda: world.order_line.pk,
        "note_id": lambda: world.order_note.pk,
        "public_id": lambda: world.conversation.public_id,
        "section": lambda: "products",
        "email_id": lambda: world.email.pk,
        "reference": lambda: world.test_intent.reference,
        "key": lambda: world.anonymous_alert.key if "alerts" in name else world.wishlist.key,
        "to_key": lambda: world.other_wishlist.key,
        "line_pk": lambda: world.wishlist_line.pk,
        "action": lambda: "default_for_shipping",
        "partner_pk": lambda: world.partner.pk,
        "user_pk": lambda: world.customer.pk,
        "uidb64": lambda: urlsafe_base64_encode(force_bytes(world.customer.pk)),
        "token": lambda: _token(name, world),
    }
    if argument not in fillers:
        raise LookupError(f"Cannot fill {argument!r} of {name}: add it to routes._argument")
    return fillers[argument]()


def _token(name: str, world: World) -> str:
    if name.startswith("subscriptions:email-"):
        return links.token_for(world.subscription, name.rsplit("-", 1)[-1])
    if name.startswith("newsletter:"):
        subscriber = Subscriber.objects.order_by("pk").first()
        if name == "newsletter:confirm":
            requested = subscriber.consent_records.filter(action=ConsentRecord.Action.REQUESTED)
            return newsletter_tokens.confirm_token(requested.last())
        return newsletter_tokens.unsubscribe_token(subscriber)
    return default_token_generator.make_token(world.customer)


def _admin_model(name: str):
    """The registered model an admin URL name like ``admin:blog_article_change`` is about."""
    action = name.removeprefix("admin:")
    matches = [
        model
        for model in admin.site._registry
        if action.startswith(f"{model._meta.app_label}_{model._meta.model_name}_")
    ]
    return max(matches, key=lambda m: len(m._meta.model_name), default=None)


def _admin_argument(name: str, argument: str, world: World):
    model = _admin_model(name)
    if argument in ("object_id", "pk", "id") and model is not None:
        first = model._default_manager.order_by("pk").first()
        if first is None:
            raise LookupError(f"The world has no {model._meta.label} for {name}")
        return first.pk
    if argument == "revision_pk":
        owner = world.landing_page if "landing" in name else world.article
        return owner.revisions.order_by("pk").first().pk
    if argument == "app_label":
        return "blog"
    if argument == "content_type_id":
        from django.contrib.contenttypes.models import ContentType

        return ContentType.objects.get_for_model(world.product).pk
    if argument == "object_id":
        return world.product.pk
    raise LookupError(f"Cannot fill {argument!r} of {name}: add it to routes._admin_argument")


def _arguments(pattern) -> list[str]:
    names = list(getattr(pattern.pattern, "converters", {}))
    names += list(pattern.pattern.regex.groupindex)
    return list(dict.fromkeys(names))


def _walk(patterns, namespace, prefix_args):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(n for n in (namespace, entry.namespace) if n)
            args = prefix_args + list(entry.pattern.regex.groupindex)
            yield from _walk(entry.url_patterns, inner, args)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}:{entry.name}" if namespace else entry.name, entry, prefix_args


def every_route(world: World) -> list[Route]:
    """Every named URL of the site, the admin's included, reversed with the world's objects."""
    routes = []
    for name, pattern, prefix_args in _walk(get_resolver().url_patterns, "", []):
        fill = _admin_argument if name.startswith("admin:") else _argument
        kwargs = {arg: fill(name, arg, world) for arg in prefix_args + _arguments(pattern)}
        routes.append(Route(name, reverse(name, kwargs=kwargs)))
    return sorted(set(routes), key=lambda r: (r.name, r.url))
