"""Rate limits count each visitor, also behind our load balancer, and hold for resets."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from oscar.test.factories import UserFactory

from shop.core.ratelimit import client_ip
from shop.outbox.models import OutboxEmail


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_connection_address_counts(settings):
    settings.SHOP_TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),  # the balancer saw the visitor
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged entry on the left is ignored
        (2, "198.51.100.7, 10.0.0.5", "198.51.100.7"),  # CDN then balancer
        (1, "", "10.0.0.2"),  # straight to the app (a health check): the connection
        (1, "not-an-address", "10.0.0.2"),
        (2, "198.51.100.7", "10.0.0.2"),  # fewer hops than configured: not trusted
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_the_load_balancer_each_visitor_counts_apart(settings, proxies, forwarded, expected):
    settings.SHOP_TRUSTED_PROXY_COUNT = proxies

    assert client_ip(request_from("10.0.0.2", forwarded)) == expected


def test_two_visitors_behind_the_balancer_do_not_share_an_order_lookup_limit(client, settings, db):
    settings.SHOP_TRUSTED_PROXY_COUNT = 1
    lookup = reverse("order-status:lookup")
    form = {"number": "100001", "email": "nobody@example.com"}

    for _ in range(11):  # the limit is 10 an hour
        client.post(lookup, form, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = client.__class__().post(
        lookup, form, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.8"
    )

    assert "Too many attempts" not in other.content.decode()


@pytest.mark.django_db
def test_password_resets_are_limited_per_email_with_a_clear_message(client):
    UserFactory(email="ada@example.com")
    url = reverse("password-reset")

    sent = [client.post(url, {"email": "ada@example.com"}) for _ in range(3)]
    refused = client.post(url, {"email": "ADA@example.com"})

    assert all(r.status_code == 302 for r in sent)
    assert refused.status_code == 200
    assert "try again in an hour" in refused.content.decode()
    assert OutboxEmail.objects.filter(to="ada@example.com").count() == 3
