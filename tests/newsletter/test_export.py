"""Marketing's subscriber list in the admin: read-only, CSV export behind its own
permission, every cell safe to open in a spreadsheet."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from shop.newsletter import services, wording
from shop.newsletter.models import ConsentRecord, Source, Subscriber
from tests import factories
from tests.newsletter import helpers

pytestmark = pytest.mark.django_db

READ = ["view_subscriber", "view_consentrecord"]
EXPORT = [*READ, "export_subscribers"]


def marketing(client, codenames: list[str]):
    """A staff member with no role, given just these newsletter permissions (the
    Marketing role itself holds them all: shop/roles.py)."""
    user = factories.staff_user(email="newsletter-staff@kepos.example")
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="newsletter", codename__in=codenames)
    )
    factories.sign_in(client, user)
    return user


def rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode())))


def test_newsletter_export_lists_confirmed_subscribers_with_their_consent(client):
    marketing(client, EXPORT)
    helpers.subscribed("ada@example.com")
    helpers.signed_up("pending@example.com")
    helpers.signed_up("sam@example.com", source=Source.CHECKOUT, text=wording.CHECKOUT_SIGNUP)
    sam = Subscriber.objects.get(email="sam@example.com")
    request = sam.consent_records.get()
    services.confirm(request=request, wording=wording.CONFIRM_PAGE)

    response = client.get(reverse("admin:newsletter_subscriber_export"))

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *data = rows(response)
    assert header == ["E-mail", "Status", "Source", "Consent given at", "Confirmed at", "Wording"]
    assert [row[0] for row in data] == ["ada@example.com", "sam@example.com"]  # no pending
    sam_row = data[1]
    assert sam_row[1:3] == ["Subscribed", "Checkout tick box"]
    assert sam_row[3] and sam_row[4]  # when consent was asked for and confirmed
    assert sam_row[5] == wording.CHECKOUT_SIGNUP


def test_newsletter_export_escapes_cells_that_would_run_as_formulas(client):
    marketing(client, EXPORT)
    for address in ("=cmd@example.com", "+sum@example.com", "-1@example.com", "@x@example.com"):
        subscriber = Subscriber.objects.create(
            email=address, status=Subscriber.Status.CONFIRMED, source=Source.STAFF
        )
        ConsentRecord.objects.create(
            subscriber=subscriber,
            action=ConsentRecord.Action.REQUESTED,
            source=Source.STAFF,
            wording='=HYPERLINK("http://evil.example","click")',
        )

    _, *data = rows(client.get(reverse("admin:newsletter_subscriber_export")))

    assert sorted(row[0] for row in data) == [
        "'+sum@example.com",
        "'-1@example.com",
        "'=cmd@example.com",
        "'@x@example.com",
    ]
    assert {row[5] for row in data} == {'\'=HYPERLINK("http://evil.example","click")'}


def test_newsletter_export_needs_the_export_permission(client):
    marketing(client, READ)
    helpers.subscribed("ada@example.com")
    changelist = reverse("admin:newsletter_subscriber_changelist")

    page = client.get(changelist)
    export = client.get(reverse("admin:newsletter_subscriber_export"))
    action = client.post(
        changelist,
        {"action": "export_selected", "_selected_action": [Subscriber.objects.get().pk]},
    )

    assertContains(page, "ada@example.com")
    assertNotContains(page, "Export confirmed subscribers (CSV)")
    assertNotContains(page, "export_selected")
    assert export.status_code == 403
    assert not action["Content-Type"].startswith("text/csv")


def test_newsletter_export_button_and_action_for_marketing_with_the_permission(client):
    marketing(client, EXPORT)
    ada = helpers.subscribed("ada@example.com")
    helpers.subscribed("bob@example.com")
    changelist = reverse("admin:newsletter_subscriber_changelist")

    assertContains(client.get(changelist), "Export confirmed subscribers (CSV)")
    response = client.post(changelist, {"action": "export_selected", "_selected_action": [ada.pk]})

    assert [row[0] for row in rows(response)[1:]] == ["ada@example.com"]


def test_newsletter_admin_subscriber_page_is_read_only_with_consent_inline(client):
    marketing(client, [*EXPORT, "change_subscriber"])
    subscriber = helpers.subscribed("ada@example.com")
    url = reverse("admin:newsletter_subscriber_change", args=[subscriber.pk])

    page = client.get(url)
    post = client.post(url, {"email": "mallory@example.com", "status": "confirmed"})

    assertContains(page, wording.FOOTER_SIGNUP)  # the consent records, inline
    assertContains(page, wording.CONFIRM_PAGE)
    assertNotContains(page, 'name="_save"')
    assert post.status_code == 403
    assert Subscriber.objects.get().email == "ada@example.com"


def test_newsletter_admin_action_records_a_staff_withdrawal_of_consent(client):
    marketing(client, [*READ, "change_subscriber"])
    subscriber = helpers.subscribed("ada@example.com")

    client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "unsubscribe_selected", "_selected_action": [subscriber.pk]},
    )

    withdrawn = subscriber.consent_records.get(action=ConsentRecord.Action.WITHDRAWN)
    assert (withdrawn.source, withdrawn.wording) == (Source.STAFF, wording.STAFF_UNSUBSCRIBE)


def test_newsletter_admin_list_and_export_queries_do_not_grow(client, queries_do_not_grow):
    marketing(client, EXPORT)

    def grow(size):
        while Subscriber.objects.count() < size:
            helpers.subscribed(f"reader{Subscriber.objects.count()}@example.com")

    queries_do_not_grow(
        lambda: client.get(reverse("admin:newsletter_subscriber_changelist")), grow, ceiling=20
    )
    queries_do_not_grow(
        lambda: client.get(reverse("admin:newsletter_subscriber_export")), grow, ceiling=12
    )


def test_consent_exported_is_the_request_the_subscriber_confirmed(client):
    marketing(client, EXPORT)
    helpers.signed_up("ada@example.com")  # footer: this e-mail's link is used
    path = helpers.confirm_path("ada@example.com")
    helpers.signed_up("ada@example.com", source=Source.CHECKOUT, text=wording.CHECKOUT_SIGNUP)
    client.post(path)

    _, ada = rows(client.get(reverse("admin:newsletter_subscriber_export")))

    assert ada[2] == "Footer sign-up form" and ada[5] == wording.FOOTER_SIGNUP
