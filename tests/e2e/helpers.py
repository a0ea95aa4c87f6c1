"""Shared steps for browser tests."""

from binascii import unhexlify

from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from shop.twofactor.devices import needs_two_factor
from tests.factories import TEST_TOTP_KEY

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def assert_accessible(page, within: str | None = None, *, all_rules: bool = False) -> None:
    """Zero axe-core violations at WCAG 2.1 AA on the page as it stands (or in the part
    ``within`` selects: our additions to a page we do not own, such as Django's admin);
    with ``all_rules``, every axe rule of every impact, best practices included."""
    page.wait_for_load_state("load")  # stylesheets applied, or contrast is judged unstyled
    only = {} if all_rules else {"runOnly": {"type": "tag", "values": WCAG_21_AA}}
    results = Axe().run(page, context=within, options={**only, "resultTypes": ["violations"]})
    assert results.violations_count == 0, results.generate_report()


def sign_in(page, live_server, user, password: str = "a-long-test-passphrase") -> None:  # noqa: S107 (test account)
    """Sign ``user`` in through the shop's login form, as staff and customers do; staff
    then type the code their authenticator app shows (shop/twofactor)."""
    user.set_password(password)
    user.save()
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login-username").fill(user.email)
    page.locator("#id_login-password").fill(password)
    page.locator("button[name=login_submit]").click()
    page.wait_for_load_state("load")
    if needs_two_factor(user):
        TOTPDevice.objects.get_or_create(
            user=user, defaults={"key": TEST_TOTP_KEY, "confirmed": True, "name": "Phone"}
        )
        page.goto(live_server.url + "/accounts/two-factor/")
        page.get_by_label("Code").fill(f"{totp(unhexlify(TEST_TOTP_KEY)):06d}")
        page.get_by_role("button", name="Continue").click()
        page.wait_for_load_state("load")


def give_address(page, postcode: str = "BS1 4XY") -> None:
    """Fill in the checkout's delivery address and continue to the delivery methods."""
    page.locator("#id_first_name").fill("Ada")
    page.locator("#id_last_name").fill("Lovelace")
    page.locator("#id_line1").fill("1 Orchard Row")
    page.locator("#id_line4").fill("Bristol")
    page.locator("#id_postcode").fill(postcode)
    page.get_by_role("button", name="Continue").click()
