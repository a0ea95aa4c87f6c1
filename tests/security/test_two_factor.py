"""Staff need a second factor for the dashboard and the admin (DEBUG off, as here).

A password alone, whether typed at /accounts/login/, /dashboard/login/ or
/admin/login/, opens no staff page: the person is sent to enrol an
authenticator app (the first time) or to enter its code, and comes back.
"""

from binascii import unhexlify

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from oscar.test.factories import UserFactory

from shop import roles
from shop.twofactor import views
from tests import factories
from tests.security import world as security_world
from tests.security.routes import every_route

pytestmark = pytest.mark.django_db


def code(key_hex: str, offset: int = 0) -> str:
    return f"{totp(unhexlify(key_hex), drift=offset):06d}"


def password_only(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def manager():
    return factories.staff_user(roles.MANAGERS, email="manager@kepos.example")


def test_every_dashboard_and_admin_page_needs_the_second_factor():
    store = security_world.build()
    client = password_only(store.manager)
    TOTPDevice.objects.create(user=store.manager, key=factories.TEST_TOTP_KEY, confirmed=True)

    opened = []
    for route in every_route(store):
        if route.url.startswith(("/dashboard/", "/admin/")) and not route.url.endswith(
            ("/login/", "/logout/")
        ):
            response = client.get(route.url)
            if not (
                response.status_code == 302 and "/accounts/two-factor/" in response["Location"]
            ):
                opened.append(f"{route.name} {route.url}: {response.status_code}")
            response = client.post(route.url, {})
            if response.status_code != 302 or "/two-factor/" not in response["Location"]:
                opened.append(f"POST {route.name} {route.url}: {response.status_code}")

    assert not opened, "\n".join(opened)


def test_a_first_sign_in_enrols_an_authenticator_and_shows_recovery_codes_once(manager):
    client = password_only(manager)

    to_setup = client.get("/dashboard/orders/")
    assert to_setup["Location"] == "/accounts/two-factor/set-up/?next=%2Fdashboard%2Forders%2F"
    page = client.get(to_setup["Location"])
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.content.decode()
    secret = client.session[views.PENDING_SECRET]

    wrong = client.post(to_setup["Location"], {"code": "000000", "next": "/dashboard/orders/"})
    assert "That code did not match" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=manager).exists()

    done = client.post(to_setup["Location"], {"code": code(secret), "next": "/dashboard/orders/"})
    assert TOTPDevice.objects.get(user=manager).confirmed
    codes_page = client.get(done["Location"]).content.decode()
    codes = StaticToken.objects.filter(device__user=manager).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(c in codes_page for c in codes)
    assert codes[0] not in client.get(done["Location"]).content.decode()  # shown once

    assert client.get("/dashboard/orders/").status_code == 200


def test_a_returning_staff_member_enters_a_code_or_a_recovery_code(manager):
    device = TOTPDevice.objects.create(user=manager, key=factories.TEST_TOTP_KEY, confirmed=True)
    client = password_only(manager)

    to_verify = client.get("/admin/")
    assert to_verify["Location"] == "/accounts/two-factor/?next=%2Fadmin%2F"
    wrong = client.post("/accounts/two-factor/", {"code": "123456", "next": "/admin/"})
    assert "That code did not work" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code made the device wait a second
    device.save()
    right = client.post("/accounts/two-factor/", {"code": code(device.key), "next": "/admin/"})
    assert right["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200

    # A lost phone: a recovery code works once.
    recovery = factories.sign_in(Client(), manager)  # verified, to make codes
    recovery.post("/accounts/two-factor/recovery-codes/")
    one = StaticToken.objects.filter(device__user=manager).first().token
    again = password_only(manager)
    assert (
        again.post("/accounts/two-factor/", {"code": one, "next": "/dashboard/"})["Location"]
        == "/dashboard/"
    )
    third = password_only(manager)
    assert "did not work" in third.post("/accounts/two-factor/", {"code": one}).content.decode()


def test_a_password_alone_cannot_enrol_a_new_phone_over_the_old_one(manager):
    TOTPDevice.objects.create(user=manager, key=factories.TEST_TOTP_KEY, confirmed=True)
    thief = password_only(manager)

    response = thief.get("/accounts/two-factor/set-up/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/?")
    assert thief.post("/accounts/two-factor/set-up/", {"code": "123456"}).status_code == 302
    assert TOTPDevice.objects.filter(user=manager).count() == 1


def test_an_open_redirect_is_not_where_the_code_sends_you(manager):
    client = password_only(manager)
    TOTPDevice.objects.create(user=manager, key=factories.TEST_TOTP_KEY, confirmed=True)

    response = client.post(
        "/accounts/two-factor/",
        {"code": code(factories.TEST_TOTP_KEY), "next": "https://evil.example/"},
    )

    assert response["Location"] == reverse("dashboard:index")


def test_customers_are_not_asked_for_a_second_factor(client):
    factories.sign_in(client, UserFactory())

    assert client.get("/accounts/profile/").status_code == 200
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code in (302, 403)
    assert "/two-factor/" not in dashboard.get("Location", "")


def test_with_debug_on_the_demo_goes_without_it(manager, settings):
    settings.SHOP_STAFF_TWO_FACTOR = False

    assert password_only(manager).get("/dashboard/").status_code == 200


def test_the_way_back_keeps_its_whole_query_string(manager):
    client = password_only(manager)  # no authenticator yet

    response = client.get(
        "/accounts/two-factor/", {"next": "/dashboard/orders/?status=Paid&page=2"}
    )

    assert response["Location"] == (
        "/accounts/two-factor/set-up/?next=%2Fdashboard%2Forders%2F%3Fstatus%3DPaid%26page%3D2"
    )
