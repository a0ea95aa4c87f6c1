"""Every dashboard and admin URL, enumerated from the URLconf, for every kind of user.

A new URL is tested automatically; one that is not covered by ACCESS fails
the matrix until someone decides who may use it.
"""

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from oscar.test.factories import UserFactory

from shop import roles
from tests import factories

User = get_user_model()

pytestmark = pytest.mark.django_db

ALL_STAFF = {roles.ORDER_STAFF, roles.CUSTOMER_SERVICE, roles.MARKETING, roles.MANAGERS}
ORDERS = {roles.ORDER_STAFF, roles.CUSTOMER_SERVICE, roles.MANAGERS}
FULFILMENT = {roles.ORDER_STAFF, roles.MANAGERS}
COPY = {roles.MARKETING, roles.MANAGERS}
ONLY_MANAGERS = {roles.MANAGERS}
CHATS = {roles.CUSTOMER_SERVICE, roles.MANAGERS}

# Dashboard URL names (first match wins) and who may open them.
ACCESS = [
    (r"^index$", ALL_STAFF),
    (r"^order-stats$", ONLY_MANAGERS),  # revenue figures
    (r"^order-(dispatch-list|packing-slips|dispatch-csv|detail-note)$", FULFILMENT),
    (r"^order-shipping-address$", FULFILMENT),  # changes an order
    (r"^order-", ORDERS),
    (r"^(stock-level-|stock-alert-list$)", FULFILMENT),
    (r"^catalogue-product-(list|lookup)$", {roles.ORDER_STAFF, *COPY}),
    (r"^catalogue-class-list$", COPY),
    (r"^catalogue-class-", ONLY_MANAGERS),  # VAT rates
    (r"^catalogue-", COPY),
    (r"^(offer|range|voucher)-", COPY),
    (r"^(page|reviews)-", COPY),
    (r"^comms-", ONLY_MANAGERS),
    (r"^(users-index|user-detail|user-alert-list)$", {roles.CUSTOMER_SERVICE, roles.MANAGERS}),
    (r"^(user|partner|reports)-", ONLY_MANAGERS),
    (r"^shipping-method-list$", FULFILMENT),
    (r"^shipping-method-", ONLY_MANAGERS),
    (r"^shipping-closure-", FULFILMENT),
    (r"^chat-", CHATS),  # chats may hold health details: not Order staff or Marketing
    (r"^subscription-figures$", ONLY_MANAGERS),  # revenue figures
    (r"^subscription-", {roles.CUSTOMER_SERVICE, roles.MANAGERS}),
    (r"^cancellation-", {roles.CUSTOMER_SERVICE, roles.MANAGERS}),
    (r"^privacy-", {roles.CUSTOMER_SERVICE, roles.MANAGERS}),
    (r"^claims-", {roles.MARKETING, roles.MANAGERS}),
]
PUBLIC = {"login", "logout"}
USERS = ["anonymous", "customer", *roles.ROLES]


def expected_roles(url_name: str) -> set[str]:
    for pattern, allowed in ACCESS:
        if re.search(pattern, url_name):
            return allowed
    raise AssertionError(f"No access rule for dashboard URL {url_name!r}: add it to ACCESS")


def sample_url(namespace: str, pattern: URLPattern) -> str:
    """Reverse a URL with placeholder arguments (objects that do not exist)."""
    kwargs = {
        name: ("1" if str(conv.__class__.__name__) == "StringConverter" else 999999)
        for name, conv in pattern.pattern.converters.items()
    }
    if not kwargs and pattern.pattern.regex.groups:
        return None
    return reverse(f"{namespace}:{pattern.name}", kwargs=kwargs)


def dashboard_urls() -> list[tuple[str, str]]:
    found = []

    def walk(patterns, namespace):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, entry.namespace or namespace)
            elif namespace == "dashboard" and entry.name and entry.name not in PUBLIC:
                url = sample_url("dashboard", entry)
                if url:
                    found.append((entry.name, url))

    walk(get_resolver().url_patterns, None)
    return sorted(set(found))


def client_for(kind: str) -> Client:
    client = Client()
    if kind == "customer":
        factories.sign_in(client, UserFactory())
    elif kind != "anonymous":
        factories.sign_in(client, factories.staff_user(kind))
    return client


def outcome(response) -> str:
    if response.status_code in (301, 302) and "login" in response.get("Location", ""):
        return "login"
    if response.status_code == 403:
        return "forbidden"
    return "allowed"


def test_every_dashboard_url_has_an_access_rule():
    names = [name for name, _ in dashboard_urls()]

    assert len(names) > 80
    for name in names:
        expected_roles(name)


@pytest.mark.parametrize("kind", USERS)
def test_dashboard_urls_open_only_to_their_roles(kind):
    client = client_for(kind)
    wrong = []
    for name, url in dashboard_urls():
        got = outcome(client.get(url))
        if kind == "anonymous":
            want = "login"
        elif kind in expected_roles(name):
            want = "allowed"
        else:
            want = "forbidden" if kind != "customer" else "forbidden|login"
        if got not in want.split("|"):
            wrong.append(f"{name} {url}: {got}, expected {want}")
    assert not wrong, "\n".join(wrong)


def admin_urls() -> list[tuple[str, str, str]]:
    superuser = RequestFactory().get("/admin/")
    superuser.user = User(is_active=True, is_staff=True, is_superuser=True)
    urls = [("index", "", reverse("admin:index"))]
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        # Records nobody adds by hand (django-axes' sign-in attempts) have no add page.
        actions = (
            ("changelist", "add") if model_admin.has_add_permission(superuser) else ("changelist",)
        )
        for action in actions:
            urls.append(
                (
                    f"{meta.app_label}.{meta.model_name}",
                    action,
                    reverse(f"admin:{meta.app_label}_{meta.model_name}_{action}"),
                )
            )
    return urls


def admin_may(role: str, model: str, action: str) -> bool:
    codes = roles.ROLES[role]
    if codes is None:
        return True
    app, name = model.split(".")
    wanted = {"changelist": ("view", "change"), "add": ("add",)}[action]
    return any(f"{app}.{verb}_{name}" in codes for verb in wanted)


@pytest.mark.parametrize("kind", USERS)
def test_admin_urls_follow_the_role_table(kind):
    client = client_for(kind)
    wrong = []
    for model, action, url in admin_urls():
        response = client.get(url)
        if kind in ("anonymous", "customer"):
            ok = response.status_code == 302 and "login" in response["Location"]
        elif model == "index" or admin_may(kind, model, action):
            ok = response.status_code == 200
        else:
            ok = response.status_code == 403
        if not ok:
            wrong.append(f"{model} {action}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("role", "app_labels"),
    [
        (roles.MARKETING, {"order", "auth", "analytics", "outbox"}),
        (roles.CUSTOMER_SERVICE, {"offer", "voucher", "partner", "outbox"}),
        (roles.ORDER_STAFF, {"offer", "voucher", "flatpages", "reviews", "outbox"}),
    ],
)
def test_the_admin_index_hides_forbidden_areas(client, role, app_labels):
    factories.sign_in(client, factories.staff_user(role))

    apps_shown = {
        app["app_label"] for app in client.get(reverse("admin:index")).context["app_list"]
    }

    assert not apps_shown & app_labels
