"""The Content-Security-Policy blocks nothing the store itself does.

Chromium reports every blocked script, style, frame, font or image as a
``securitypolicyviolation`` event (and a console error). A Manager walks the
key storefront, dashboard and admin pages of a store holding one of
everything (every prose field written by an attacker, see tests.security.world),
using the widgets on them (rich-text editors, the chat panel, date pickers);
not one event may fire. A page that is missing the policy fails too.
"""

import pytest
from django.test import Client

from tests import factories
from tests.security import world as security_world
from tests.security.routes import every_route

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"}` +
        ` at ${event.sourceFile}:${event.lineNumber} (${event.sample})`
    );
});
"""

STOREFRONT = [
    "home",
    "catalogue:index",
    "catalogue:category",
    "catalogue:detail",
    "catalogue:reviews-add",
    "basket:summary",
    "checkout:shipping-address",
    "blog:list",
    "blog:article",
    "faq:index",
    "delivery:information",
    "chat:index",
    "search:search",
    "customer:summary",
    "customer:order",
    "customer:address-list",
    "customer:wishlists-list",
    "order-status:lookup",
    "customer:login",
]
DASHBOARD = [
    "dashboard:index",
    "dashboard:order-list",
    "dashboard:order-detail",
    "dashboard:order-dispatch-list",
    "dashboard:catalogue-product-list",
    "dashboard:catalogue-product",  # TinyMCE
    "dashboard:catalogue-category-update",  # TinyMCE
    "dashboard:offer-list",
    "dashboard:offer-metadata",  # TinyMCE
    "dashboard:range-update",
    "dashboard:page-update",
    "dashboard:voucher-create",  # date pickers
    "dashboard:users-index",
    "dashboard:chat-inbox",
    "dashboard:chat-conversation",
    "dashboard:stock-level-list",
    "dashboard:shipping-method-list",
]
ADMIN = [
    "admin:index",
    "admin:auth_user_changelist",
    "admin:auth_user_change",
    "admin:blog_article_change",  # prose editor
    "admin:faq_faqentry_change",
    "admin:flatpages_flatpage_change",
]


@pytest.fixture
def store():
    return security_world.build()


def signed_in(context, live_server, user) -> None:
    client = Client()
    factories.sign_in(client, user)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def urls(store, names):
    by_name = {}
    for route in every_route(store):
        by_name.setdefault(route.name, route.url)
    missing = [name for name in names if name not in by_name]
    assert not missing, f"no such pages: {missing}"
    return [(name, by_name[name]) for name in names]


def walk(page, live_server, pages, *, use=None):
    problems = []
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    for name, url in pages:
        console.clear()
        response = page.goto(live_server.url + url)
        page.wait_for_load_state("load")
        if "content-security-policy" not in response.headers:
            problems.append(f"{name}: no Content-Security-Policy header")
        if use:
            try:
                use(name, page)
            except Exception as error:  # noqa: BLE001
                problems.append(f"{name}: {error}".splitlines()[0])
        page.wait_for_timeout(150)  # events are queued after the work that caused them
        problems += [f"{name} {url}: {v}" for v in page.evaluate("window.__violations")]
        problems += [f"{name} {url}: console: {text}" for text in console]
    return problems


def use_widgets(name, page):
    if name == "catalogue:detail":
        page.get_by_role("button", name="Add to basket").first.click()
        page.wait_for_load_state("load")
    if name in {"dashboard:catalogue-product", "dashboard:offer-metadata"}:
        page.locator(".tox-tinymce").first.wait_for(timeout=5000)
    if name == "admin:blog_article_change":
        page.locator(".ProseMirror").first.wait_for(state="attached", timeout=3000)
    if name == "home":
        page.locator(".chat-launcher").first.click()
        page.wait_for_timeout(300)


def test_no_page_a_manager_uses_breaks_the_content_security_policy(
    page, context, live_server, store
):
    context.add_init_script(RECORD_VIOLATIONS)
    signed_in(context, live_server, store.manager)

    problems = walk(page, live_server, urls(store, STOREFRONT + DASHBOARD + ADMIN), use=use_widgets)

    assert not problems, "\n".join(problems)


def test_an_inline_script_is_blocked_on_the_storefront(page, context, live_server, store):
    """The policy is enforced, not merely sent: a script the page did not ship never runs."""
    context.add_init_script(RECORD_VIOLATIONS)
    page.goto(live_server.url + "/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
        }"""
    )
    page.wait_for_timeout(150)

    assert page.evaluate("window.__ran") is None
    assert any("script-src" in v for v in page.evaluate("window.__violations"))
