"""Staff handle a request made by e-mail: find the person, see what we hold, send
them their data, erase them (address typed again, a note), and read the log."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory
from pytest_django.asserts import assertContains, assertNotContains

from shop import roles
from shop.chat.models import Conversation
from shop.privacy import services
from shop.privacy.models import PrivacyRequest, email_digest
from tests import factories
from tests.pages import text_of
from tests.privacy import helpers

pytestmark = pytest.mark.django_db

User = get_user_model()
Order = get_model("order", "Order")
ProductAlert = get_model("customer", "ProductAlert")

GUEST = {**helpers.SAM, "email": "guest.gardener@example.com", "last_name": "Underhill"}
HOSTILE = '<script>alert("note")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def staff(client):
    return factories.sign_in(client, helpers.handler())


def find(client, email):
    return client.post(reverse("dashboard:privacy-index"), {"email": email})


def erase(client, email, *, typed=None, note="E-mail of 3 November, ticket 4812"):
    return client.post(
        reverse("dashboard:privacy-erase"),
        {"email": email, "confirm_email": email if typed is None else typed, "note": note},
    )


@pytest.mark.parametrize(
    "name", ["privacy-index", "privacy-export", "privacy-erase", "privacy-log"]
)
def test_privacy_dashboard_needs_the_privacy_permission(name):
    url = reverse(f"dashboard:{name}")
    without = factories.sign_in(Client(), helpers.handler(permitted=False))
    customer = factories.sign_in(Client(), UserFactory())

    assert without.get(url).status_code == 403
    assert without.post(url, {"email": "x@example.com"}).status_code == 403
    assert customer.get(url).status_code in (302, 403)
    assert Client().get(url).status_code == 302  # to sign in


def test_privacy_staff_find_a_customer_and_see_what_we_hold(staff, sam):
    page = text_of(find(staff, sam.email.upper()))

    assert "Customer account Samwise Quillfeather" in page
    assert "Orders 12" in page and "Saved addresses 3" in page and "Live chats 2" in page
    assert "Subscriptions 1" in page and "Saved cards 1" in page and "Reviews 2" in page
    assert "Erase this person" in page


def test_privacy_staff_find_a_guest_by_email(staff):
    helpers.guest(GUEST, number="300001")

    page = text_of(find(staff, GUEST["email"]))

    assert "No account: a guest, known by e-mail only" in page
    assert "Orders 1" in page and "Live chats 1" in page and "Stock alerts 1" in page


def test_privacy_staff_find_refuses_a_malformed_address(staff):
    response = find(staff, "not an address")

    assertContains(response, "Enter a valid email address.", status_code=400)


def test_privacy_staff_download_a_guest_export_with_a_note(staff):
    helpers.guest(GUEST, number="300001")

    response = staff.post(
        reverse("dashboard:privacy-export"), {"email": GUEST["email"], "note": "Ticket 77"}
    )

    assert response["Content-Disposition"].startswith('attachment; filename="kepos-personal-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["profile"] is None
    assert [order["number"] for order in data["data"]["orders"]] == ["300001"]
    logged = PrivacyRequest.objects.get()
    assert (logged.kind, logged.subject, logged.note) == ("export", "guest", "Ticket 77")
    assert logged.handled_by_label == "privacy-yes@kepos.example"


def test_privacy_staff_erase_needs_the_typed_email_and_a_note(staff, sam):
    wrong = erase(staff, sam.email, typed="samwise@example.com")
    no_note = erase(staff, sam.email, note="")

    assertContains(wrong, "That is not the address shown", status_code=400)
    assertContains(no_note, "This field is required.", status_code=400)
    assert User.objects.filter(pk=sam.user.pk).exists()
    assert Order.objects.filter(user=sam.user).count() == 12
    assert not PrivacyRequest.objects.exists()


def test_privacy_staff_erase_a_customer_and_the_log_escapes_the_note(staff, sam, ada):
    response = erase(staff, sam.email.title(), note=f"Ticket 4812 {HOSTILE}")

    assert response["Location"] == reverse("dashboard:privacy-log")
    assert not User.objects.filter(pk=sam.user.pk).exists()
    assert User.objects.filter(pk=ada.user.pk).exists()
    assert helpers.rows_mentioning(sam.email, helpers.SAM["last_name"]) == {}
    log = staff.get(reverse("dashboard:privacy-log"))
    assertContains(log, "Erased. 12 order(s) kept for the tax records")
    assertNotContains(log, HOSTILE)
    assertContains(log, "&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;")
    logged = PrivacyRequest.objects.get()
    assert logged.handled_by_label == "privacy-yes@kepos.example"
    assert logged.email_digest == email_digest(sam.email)


def test_gdpr_erasure_of_a_guest_known_only_by_email(staff, sam):
    order = helpers.guest(GUEST, number="300001")
    other = helpers.guest({**GUEST, "email": "someone.else@example.com"}, number="300002")

    response = erase(staff, GUEST["email"])

    assert response.status_code == 302
    order.refresh_from_db()
    order.shipping_address.refresh_from_db()
    assert order.guest_email == "erased@erased.invalid"
    assert order.shipping_address.last_name == ""
    assert order.total_incl_tax == other.total_incl_tax
    assert not Conversation.objects.filter(email=GUEST["email"]).exists()
    assert not ProductAlert.objects.filter(email=GUEST["email"]).exists()
    assert helpers.rows_mentioning(GUEST["email"]) == {}
    assert Order.objects.get(number="300002").guest_email == "someone.else@example.com"
    assert Order.objects.filter(user=sam.user).count() == 12  # a customer is untouched
    assert PrivacyRequest.objects.get().subject == "guest"


def test_gdpr_erasure_of_a_guest_email_that_has_an_account_is_refused(sam):
    with pytest.raises(services.ErasureRefused, match="erase the account instead"):
        services.erase_person(email=sam.email)

    assert Order.objects.filter(user=sam.user).count() == 12


def test_privacy_staff_cannot_erase_a_staff_account(staff):
    colleague = factories.staff_user(email="colleague@kepos.example")

    page = find(staff, colleague.email)
    response = erase(staff, colleague.email)

    assertContains(page, "This is a staff account: it cannot be erased here.")
    assertNotContains(page, "Erase this person")
    assertContains(response, "This is a staff account.", status_code=400)
    assert User.objects.filter(pk=colleague.pk).exists()
    assert not PrivacyRequest.objects.exists()


def test_privacy_staff_see_earlier_requests_from_the_same_person(staff, client, sam):
    services.export_person(user=sam.user, email=sam.email)

    page = text_of(find(staff, sam.email))

    assert "Earlier requests for this address" in page
    assert "The customer, from their account" in page


def test_privacy_request_log_queries_do_not_grow(staff, queries_do_not_grow):
    handler = helpers.handler(permitted=False)

    def grow(size):
        while PrivacyRequest.objects.count() < size:
            n = PrivacyRequest.objects.count()
            PrivacyRequest.objects.create(
                kind="erasure" if n % 2 else "export",
                subject="guest",
                email_digest=email_digest(f"person{n}@example.com"),
                handled_by=handler if n % 3 else None,
                handled_by_label=handler.email if n % 3 else "",
                note=f"Ticket {n}",
                counts={"orders": n, "chats": 1},
            )

    queries_do_not_grow(lambda: staff.get(reverse("dashboard:privacy-log")), grow, ceiling=12)


def test_privacy_urls_answer_a_get_from_a_manager_without_writing_anything(client, sam):
    """As the site-wide walk does: every privacy URL read as a Manager, nothing saved."""
    manager = factories.sign_in(client, factories.staff_user(roles.MANAGERS))
    names = ["privacy:index", "privacy:delete", "privacy:export"] + [
        f"dashboard:privacy-{name}" for name in ("index", "export", "erase", "log")
    ]
    before = helpers.rows_mentioning(sam.email, "privacy")

    answers = {name: manager.get(reverse(name)).status_code for name in names}

    assert answers == {
        "privacy:index": 200,
        "privacy:delete": 200,
        "privacy:export": 405,
        "dashboard:privacy-index": 200,
        "dashboard:privacy-export": 405,
        "dashboard:privacy-erase": 405,
        "dashboard:privacy-log": 200,
    }
    assert not PrivacyRequest.objects.exists()
    assert helpers.rows_mentioning(sam.email, "privacy") == before


def test_privacy_staff_forms_refuse_bad_input_with_a_message(staff, sam):
    long_note = staff.post(
        reverse("dashboard:privacy-export"), {"email": sam.email, "note": "x" * 1001}
    )
    bad_email = staff.post(reverse("dashboard:privacy-erase"), {"email": "nope"}, follow=True)

    assertContains(long_note, "Ensure this value has at most 1000 characters", status_code=400)
    assertContains(bad_email, "That e-mail address is not valid: find the person again.")
    assert not PrivacyRequest.objects.exists()
