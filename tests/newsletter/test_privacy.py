"""The newsletter's share of a person's data: in their export, gone with erasure."""

import pytest
from oscar.test.factories import UserFactory

from shop.newsletter import reminders, wording
from shop.newsletter.models import BasketReminder, ConsentRecord, Subscriber
from shop.privacy import registry
from shop.privacy.services import export_data
from tests import factories
from tests.newsletter import helpers
from tests.newsletter.test_reminders import later, left_basket

pytestmark = pytest.mark.django_db


def section():
    return next(s for s in registry.sections() if s.name == "newsletter")


@pytest.fixture
def sam_reminded():
    """Sam subscribed, was reminded about a basket; Ada is subscribed too."""
    sam = UserFactory(email="sam@example.com")
    helpers.subscribed("Sam@Example.com", user=sam)
    left_basket(sam, factories.product("kēpos capsules", "39.99"))
    reminders.run(now=later(4))
    helpers.subscribed("ada@example.com")
    return sam


def test_newsletter_privacy_export_holds_status_and_consent_records(sam_reminded):
    data = export_data(user=sam_reminded, email="sam@example.com")["data"]["newsletter"]

    assert len(data) == 1
    (mine,) = data
    assert (mine["email"], mine["status"]) == ("Sam@Example.com", "Subscribed")
    assert [r["what"] for r in mine["consent_records"]] == [
        "Asked to subscribe",
        "Confirmed (double opt-in)",
    ]
    assert mine["consent_records"][0]["wording_shown"] == wording.FOOTER_SIGNUP
    assert len(mine["basket_reminders_sent"]) == 1
    assert "ada@example.com" not in str(data)


def test_newsletter_privacy_export_of_a_guest_by_email_only():
    helpers.signed_up("guest@example.com")

    data = section().export(None, "GUEST@example.com")

    assert [row["status"] for row in data] == ["Waiting for confirmation"]


def test_newsletter_privacy_erase_deletes_subscriber_consent_and_reminders(sam_reminded):
    removed = section().erase(sam_reminded, "sam@example.com")

    assert removed == 4  # the reminder, the subscriber and its two consent records
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["ada@example.com"]
    assert not ConsentRecord.objects.filter(subscriber__email__iexact="sam@example.com").exists()
    assert not BasketReminder.objects.exists()
    assert ConsentRecord.objects.count() == 2  # Ada's, untouched


def test_newsletter_sign_ups_never_confirmed_are_purged_after_thirty_days():
    from datetime import timedelta

    from django.utils import timezone

    from shop.privacy import retention

    stale = helpers.signed_up("stale@example.com")
    fresh = helpers.signed_up("fresh@example.com")
    confirmed = helpers.subscribed("kept@example.com")
    long_ago = timezone.now() - timedelta(days=31)
    Subscriber.objects.filter(pk__in=[stale.pk, confirmed.pk]).update(requested_at=long_ago)

    removed = retention.run()

    assert removed["unconfirmed newsletter sign-ups"] == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "fresh@example.com",
        "kept@example.com",
    }
    assert not ConsentRecord.objects.filter(subscriber_id=stale.pk).exists()
    assert fresh.pk and confirmed.pk
