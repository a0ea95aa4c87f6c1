"""The Content-Security-Policy and Permissions-Policy each page is sent.

(That nothing the store does breaks the policy is tests/e2e/test_content_policy.py.)
"""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import resolve

from shop import roles
from shop.core import content_policy
from tests import factories

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def manager() -> Client:
    client = Client()
    factories.sign_in(client, factories.staff_user(roles.MANAGERS))
    return client


def test_a_storefront_page_allows_only_our_own_origin_and_no_inline_code(client):
    factories.catalogue(3)
    response = client.get("/")

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'report-sample'"]  # no nonce: cacheable
    assert "'unsafe-inline'" not in policy["style-src"]
    assert "'unsafe-eval'" not in " ".join(sum(policy.values(), []))
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "blob:"]
    assert "payment=()" in response["Permissions-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


def test_a_dashboard_page_runs_its_set_up_script_under_a_nonce_and_is_never_cached():
    response = manager().get("/dashboard/")

    nonce = next(s for s in directives(response)["script-src"] if s.startswith("'nonce-"))
    assert f'nonce="{nonce[7:-1]}"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "'unsafe-inline'" not in directives(response)["style-src"]


def test_only_rich_text_editor_pages_allow_inline_styles():
    staff = manager()
    product = factories.product("kēpos", "39.99")

    editor = staff.get(f"/dashboard/catalogue/products/{product.pk}/")
    listing = staff.get("/dashboard/catalogue/products/")

    assert directives(editor)["style-src"] == ["'self'", "'unsafe-inline'", "'report-sample'"]
    assert "'unsafe-inline'" not in directives(listing)["style-src"]


def test_the_admin_forms_with_the_prose_editor_allow_inline_styles_and_others_do_not():
    pages = content_policy.rich_text_admin_pages()

    assert {"blog_article_change", "faq_faqentry_add", "blog_author_change"} <= pages
    assert "auth_user_change" not in pages


def test_payment_pages_alone_get_the_gateways_sources_and_the_payment_feature(monkeypatch):
    class Provider:
        content_security_policy = {
            "script-src": ["https://js.pay.example"],
            "frame-src": ["https://frames.pay.example"],
        }

    monkeypatch.setattr("shop.gateways.get_gateway", lambda: Provider())
    middleware = content_policy.ContentPolicyMiddleware(lambda request: None)

    def sent(path):
        request = RequestFactory().get(path)
        request.resolver_match = resolve(path)
        middleware.process_request(request)
        response = middleware.process_response(request, HttpResponse("a page"))
        return directives(response), response["Permissions-Policy"]

    policy, features = sent("/checkout/preview/")
    assert "https://js.pay.example" in policy["script-src"]
    assert policy["frame-src"] == ["https://frames.pay.example"]
    assert 'payment=(self "https://frames.pay.example")' in features

    policy, features = sent("/basket/")
    assert "https://js.pay.example" not in policy["script-src"]
    assert "payment=()" in features


def test_media_on_another_host_may_be_shown():
    assert (
        "https://media.kepos.example"
        in content_policy.base_directives("https://media.kepos.example/media/")["img-src"]
    )
