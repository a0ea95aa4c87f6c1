"""Playwright against Debian's Chromium (never a downloaded browser)."""

import os
from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from shop import roles
from tests import factories
from tests.conftest import chromium_path

# pytest-django's live_server runs in a thread while sync Playwright runs an
# event loop in this one; Django's async-safety check would refuse the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": chromium_path(), "args": CHROMIUM_ARGS}


@pytest.fixture
def marketer_page(page, live_server):
    """A marketer signed in to the admin, two-factor enrolled as on her first day."""
    user = factories.staff_user(roles.MARKETING, email="writer@kepos.example")
    user.set_password("a-long-test-passphrase")
    user.save()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("writer@kepos.example")
    page.get_by_label("Password").fill("a-long-test-passphrase")
    page.get_by_role("button", name="Log in").click()
    # A first sign-in: the admin asks for a second factor, so she enrols her app.
    key = page.locator(".twofactor__secret").inner_text().replace(" ", "")
    page.get_by_label("Code from your app").fill(f"{totp(b32decode(key)):06d}")
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator(".twofactor__codes li")).to_have_count(10)
    page.get_by_role("link", name="I have saved them, continue").click()
    expect(page.get_by_role("heading", name="Blog, FAQ and site content")).to_be_visible()
    return page
