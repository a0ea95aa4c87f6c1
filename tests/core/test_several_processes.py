"""The one-machine production mode: several gunicorn workers, no Redis.

Each worker is its own process. With a per-process memory cache behind the
``cached_db`` sessions, a guest's checkout step saved by one worker was read
stale by the other, and the shopper bounced back to earlier steps. Here two
real gunicorn workers (SO_REUSEPORT spreads connections between them) serve
real guest checkouts over HTTP, on the test database, with the settings'
default shared cache.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests import factories

ROOT = Path(__file__).resolve().parents[2]
CHECKOUTS = 4


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Shopper:
    """A browser-like HTTP client with its own cookies, one connection per request."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = None
        headers = {"Referer": self.base + path}
        if data is not None:
            data = {**data, "csrfmiddlewaretoken": self.csrf_token()}
            body = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(self.base + path, data=body, headers=headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=30) as response:  # noqa: S310 (http only)
                return (
                    response.status,
                    response.headers.get("Location", ""),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:  # 3xx (no redirects followed) and 4xx/5xx
            return error.code, error.headers.get("Location", ""), error.read().decode()

    def csrf_token(self) -> str:
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")


def database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def two_workers():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_CACHE", "DATABASE_URL"}
    }
    env.update(
        DATABASE_URL=database_url(),
        DJANGO_DEBUG="true",  # static files without collectstatic; caching is what is tested
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        EMAIL_URL="dummymail://",
        DJANGO_SETTINGS_MODULE="shop.settings",
    )
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "shop.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--reuse-port",
            "--access-logfile",
            "-",
            "--access-logformat",
            "%(p)s %(r)s %(s)s",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=2).read()  # noqa: S310
            break
        except OSError:
            time.sleep(0.3)
    yield base, server
    server.terminate()
    server.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_guest_checkouts_never_bounce_between_workers(two_workers):
    base, server = two_workers
    factories.delivery_methods()
    item = factories.product("kēpos 30-day", "39.99", num_in_stock=100)
    placed, trail = 0, []

    for n in range(CHECKOUTS):
        shopper = Shopper(base)
        shopper.request(item.get_absolute_url())  # the CSRF cookie, as a browser gets it
        steps = [
            (f"/basket/add/{item.pk}/", {"quantity": 1}, None),
            ("/checkout/", {"username": f"guest{n}@example.com", "options": "anonymous"}, None),
            (
                "/checkout/shipping-address/",
                {
                    "first_name": "Ada",
                    "last_name": "Lovelace",
                    "line1": "1 Orchard Row",
                    "line4": "Bristol",
                    "postcode": "BS1 4XY",
                },
                "/checkout/shipping-method/",
            ),  # fmt: skip
            (
                "/checkout/shipping-method/",
                {"method_code": "next-day"},
                "/checkout/payment-method/",
            ),
        ]
        for path, data, expected_next in steps:
            status, location, _ = shopper.request(path, data)
            trail.append(f"{n} POST {path} -> {status} {location}")
            if expected_next:
                assert location == expected_next, "\n".join(trail)
        _, _, preview = shopper.request("/checkout/preview/")
        token = re.search(r'name="basket_token" value="([^"]+)"', preview)
        assert token, "\n".join(trail)
        status, location, _ = shopper.request(
            "/checkout/preview/",
            {"action": "place_order", "basket_token": token.group(1),
             "number": "4242 4242 4242 4242", "expiry": "12/34", "cvc": "123"},
        )  # fmt: skip
        trail.append(f"{n} place order -> {status} {location}")
        assert location == "/checkout/thank-you/", "\n".join(trail)
        placed += 1

    server.terminate()
    log = server.communicate(timeout=30)[0]
    workers = {line.split()[0] for line in log.splitlines() if " /checkout/" in line}
    assert placed == CHECKOUTS
    assert len(workers) == 2, f"one worker served every step; the test proved nothing:\n{log}"
