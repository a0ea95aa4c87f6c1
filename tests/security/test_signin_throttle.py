"""Guessing passwords gets nowhere, and nobody can lock a customer out.

Sign-in failures are counted in the database (shared by every server) for the
shop, dashboard and admin sign-in forms alike: an account from one address is
locked after 5, an address after 20 whatever accounts it tries, an account
alone is only slowed down. The refusal says the same for every account.
"""

from datetime import timedelta

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from oscar.test.factories import UserFactory

from shop import roles
from shop.customer import throttle
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-passphrase"
FORMS = {
    # page: (username field, password field, extra fields)
    "/accounts/login/": ("login-username", "login-password", {"login_submit": "1"}),
    "/dashboard/login/": ("username", "password", {}),
    "/admin/login/": ("username", "password", {}),
}


@pytest.fixture
def staff():
    user = factories.staff_user(roles.MANAGERS, email="manager@kepos.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(page, email, password, address="203.0.113.7"):
    name_field, password_field, extra = FORMS[page]
    return Client(REMOTE_ADDR=address).post(
        page, {name_field: email, password_field: password, **extra}
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


@pytest.mark.parametrize("page", FORMS)
def test_forty_wrong_passwords_then_the_right_one_does_not_sign_in(page, staff):
    for _ in range(40):
        assert not signed_in(sign_in(page, staff.email, "wrong-guess"))

    refused = sign_in(page, staff.email, PASSWORD)

    assert not signed_in(refused)
    assert refused.status_code == 429
    assert "Too many sign-in attempts" in refused.content.decode()


def test_the_lock_for_an_account_from_one_address_comes_at_the_fifth_failure(staff):
    page = "/accounts/login/"
    for _ in range(throttle.ACCOUNT_AND_ADDRESS - 1):
        sign_in(page, staff.email, "wrong-guess")
    assert signed_in(sign_in(page, staff.email, PASSWORD))  # and the count starts again

    for _ in range(throttle.ACCOUNT_AND_ADDRESS):
        sign_in(page, staff.email, "wrong-guess")
    assert sign_in(page, staff.email, PASSWORD).status_code == 429
    # The account's owner, elsewhere, is not locked out.
    assert signed_in(sign_in(page, staff.email, PASSWORD, address="198.51.100.20"))


def test_one_address_trying_many_accounts_is_locked_for_all_of_them(staff):
    page = "/accounts/login/"
    for n in range(throttle.ADDRESS):
        sign_in(page, f"someone{n}@example.com", "password1", address="192.0.2.50")

    assert sign_in(page, staff.email, PASSWORD, address="192.0.2.50").status_code == 429
    assert signed_in(sign_in(page, staff.email, PASSWORD, address="192.0.2.51"))


def test_many_addresses_against_one_account_only_slow_it_down(staff):
    page = "/accounts/login/"
    for n in range(throttle.ACCOUNT_SLOW_AFTER + 5):
        sign_in(page, staff.email, "wrong-guess", address=f"198.51.100.{n + 1}")

    # Straight after a failure, even the right password waits...
    assert sign_in(page, staff.email, PASSWORD, address="203.0.113.99").status_code == 429
    # ...a minute later the owner gets in: the account itself is never locked.
    later = timezone.now() + timedelta(seconds=throttle.ACCOUNT_SLOW_SECONDS + 1)
    with time_machine.travel(later, tick=False):
        assert signed_in(sign_in(page, staff.email, PASSWORD, address="203.0.113.99"))


def test_the_refusal_says_the_same_whether_or_not_the_account_exists(staff):
    page = "/accounts/login/"
    for email in (staff.email, "nobody@example.com"):
        for _ in range(throttle.ACCOUNT_AND_ADDRESS):
            sign_in(page, email, "wrong-guess")

    real = sign_in(page, staff.email, "wrong-guess").content.decode()
    unknown = sign_in(page, "nobody@example.com", "wrong-guess").content.decode()

    def words(html):
        return html.split('<div class="locked-out">')[1].split("</div>")[0]

    assert words(real) == words(unknown)
    assert staff.email not in real


def test_an_e_mail_address_is_one_account_however_it_is_typed(staff):
    page = "/accounts/login/"
    for n in range(throttle.ACCOUNT_AND_ADDRESS):
        sign_in(page, f"  {staff.email.upper() if n % 2 else staff.email} ", "wrong-guess")

    assert sign_in(page, staff.email, PASSWORD).status_code == 429


def test_staff_lift_a_lock_in_the_admin(staff):
    customer = UserFactory(email="ada@example.com")
    customer.set_password(PASSWORD)
    customer.save()
    for _ in range(throttle.ACCOUNT_AND_ADDRESS):
        sign_in("/accounts/login/", customer.email, "wrong-guess")
    assert sign_in("/accounts/login/", customer.email, PASSWORD).status_code == 429

    service = Client()
    factories.sign_in(service, factories.staff_user(roles.CUSTOMER_SERVICE))
    assert customer.email in service.get("/admin/axes/accessattempt/").content.decode()
    attempt = AccessAttempt.objects.get(username=customer.email)
    service.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})

    assert signed_in(sign_in("/accounts/login/", customer.email, PASSWORD))


def test_a_lock_also_lifts_by_command_or_by_itself(staff):
    for _ in range(throttle.ACCOUNT_AND_ADDRESS):
        sign_in("/accounts/login/", staff.email, "wrong-guess")

    call_command("axes_reset_username", staff.email)
    assert signed_in(sign_in("/accounts/login/", staff.email, PASSWORD))

    for _ in range(throttle.ACCOUNT_AND_ADDRESS):
        sign_in("/accounts/login/", staff.email, "wrong-guess")
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert signed_in(sign_in("/accounts/login/", staff.email, PASSWORD))


@pytest.mark.parametrize("page", ["/accounts/register/", "/accounts/login/"])
def test_an_address_opens_at_most_five_accounts_an_hour(page):
    def register(n):
        prefix, extra = (
            ("registration-", {"registration_submit": "1"})
            if "login" in page
            else (
                "",
                {},
            )
        )
        return Client(REMOTE_ADDR="192.0.2.9").post(
            page,
            {
                f"{prefix}email": f"new{n}@example.com",
                f"{prefix}password1": "a-long-test-passphrase-9",
                f"{prefix}password2": "a-long-test-passphrase-9",
                **extra,
            },
        )

    assert all(register(n).status_code == 302 for n in range(5))
    refused = register(5)

    assert refused.status_code == 200
    assert "Several accounts have been opened from your connection" in refused.content.decode()


def test_the_checkouts_returning_customer_password_is_throttled_too(staff):
    factories.delivery_methods()
    shopper = Client(REMOTE_ADDR="203.0.113.40")
    product = factories.product("kēpos", "39.99")
    shopper.post(f"/basket/add/{product.pk}/", {"quantity": 1})

    def attempt(password):
        return shopper.post(
            "/checkout/", {"username": staff.email, "password": password, "options": "existing"}
        )

    for _ in range(throttle.ACCOUNT_AND_ADDRESS - 1):
        assert attempt("wrong-guess").status_code == 200  # the form says "wrong password"
    assert attempt("wrong-guess").status_code == 429  # the fifth locks

    assert attempt(PASSWORD).status_code == 429
    assert "_auth_user_id" not in shopper.session


@pytest.mark.parametrize("page", FORMS)
def test_an_overlong_name_is_a_failed_sign_in_not_an_error(page):
    response = sign_in(page, "ē" * 5000 + "@example.com", "wrong-guess")

    assert response.status_code == 200  # the form says the name or password is wrong
    assert all(len(attempt.username) <= 255 for attempt in AccessAttempt.objects.all())
