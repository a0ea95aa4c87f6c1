"""Unsubscribing: the link and one-click POST in every marketing e-mail, and the
signed-in customer's preferences page."""

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from oscar.test.factories import UserFactory
from pytest_django.asserts import assertContains, assertNotContains

from shop.newsletter import services, tokens, wording
from shop.newsletter.models import ConsentRecord, Source, Subscriber
from shop.outbox.models import OutboxEmail
from shop.outbox.services import send_due
from tests import factories
from tests.newsletter import helpers

pytestmark = pytest.mark.django_db

Action = ConsentRecord.Action


def unsubscribe_url(subscriber) -> str:
    return reverse("newsletter:unsubscribe", args=[tokens.unsubscribe_token(subscriber)])


def marketing_email(subscriber) -> OutboxEmail:
    return services.queue_marketing_email(
        subscriber=subscriber,
        subject="New: kefir grains",
        body_text="Our new grains are here.",
        body_html="<html><body><p>Our new grains are here.</p></body></html>",
    )


def test_newsletter_unsubscribe_get_only_asks_and_post_unsubscribes(client):
    subscriber = helpers.subscribed("ada@example.com")
    url = unsubscribe_url(subscriber)

    page = client.get(url)

    assertContains(page, '<button type="submit" class="btn btn-primary">Unsubscribe</button>')
    assert Subscriber.objects.get().status == "confirmed"

    done = client.post(url)

    assertContains(done, "is unsubscribed")
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at
    withdrawn = subscriber.consent_records.get(action=Action.WITHDRAWN)
    assert (withdrawn.source, withdrawn.wording) == (Source.EMAIL, wording.UNSUBSCRIBE_PAGE)


def test_newsletter_one_click_unsubscribe_post_needs_no_csrf_token():
    subscriber = helpers.subscribed("ada@example.com")
    mail_provider = Client(enforce_csrf_checks=True)  # no cookie, no token: RFC 8058

    response = mail_provider.post(
        unsubscribe_url(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    withdrawn = subscriber.consent_records.get(action=Action.WITHDRAWN)
    assert withdrawn.wording == wording.ONE_CLICK_UNSUBSCRIBE
    assert Subscriber.objects.get().status == "unsubscribed"


def test_newsletter_other_forms_still_need_a_csrf_token():
    customer = UserFactory(email="ada@example.com")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(customer)

    preferences = browser.post(reverse("newsletter:preferences"), {"action": "subscribe"})
    signup = browser.post(reverse("newsletter:signup"), {"email": "ada@example.com"})

    assert (preferences.status_code, signup.status_code) == (403, 403)
    assert not Subscriber.objects.exists()


def test_newsletter_unsubscribe_link_tampered_is_refused(client):
    subscriber = helpers.subscribed("ada@example.com")
    helpers.subscribed("bob@example.com")
    token = tokens.unsubscribe_token(subscriber)
    confirm_token = helpers.confirm_path("bob@example.com").rstrip("/").rsplit("/", 1)[-1]

    for bad in (token[:-3] + "xyz", "garbage", confirm_token):  # a confirm link is no use
        response = client.post(reverse("newsletter:unsubscribe", args=[bad]))
        assertContains(response, "it may have been cut short or changed", status_code=400)
    assert set(Subscriber.objects.values_list("status", flat=True)) == {"confirmed"}
    assert not ConsentRecord.objects.filter(action=Action.WITHDRAWN).exists()


def test_newsletter_unsubscribe_link_reused_says_already_unsubscribed(client):
    subscriber = helpers.subscribed("ada@example.com")
    url = unsubscribe_url(subscriber)
    client.post(url)

    again_get, again_post = client.get(url), client.post(url)

    assertContains(again_get, "already unsubscribed")
    assertContains(again_post, "already unsubscribed")
    assertNotContains(again_get, '<form method="post" class="card')
    assert subscriber.consent_records.filter(action=Action.WITHDRAWN).count() == 1


def test_newsletter_marketing_email_has_the_unsubscribe_link_and_headers(client):
    subscriber = helpers.subscribed("ada@example.com")

    email = marketing_email(subscriber)

    link = services.unsubscribe_url(subscriber)
    assert link.startswith("http") and "/newsletter/unsubscribe/" in link
    assert email.headers == {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert email.body_text.rstrip().endswith(link)
    assert f'<a href="{link}">Unsubscribe</a></p>\n</body>' in email.body_html
    # The header's address is the one-click endpoint itself.
    response = Client(enforce_csrf_checks=True).post(
        helpers.path_of(link), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"


# The link is signed with the time: one clock second for the e-mail and the expected link
# (on a busy machine they crossed a second, and the test failed).
@time_machine.travel("2026-11-25 12:00:00+00:00", tick=False)
def test_newsletter_sent_message_carries_the_list_unsubscribe_headers():
    subscriber = helpers.subscribed("ada@example.com")
    marketing_email(subscriber)

    send_due()

    sent = [m for m in mail.outbox if m.subject == "New: kefir grains"]
    assert len(sent) == 1
    message = sent[0].message()
    assert message["List-Unsubscribe"] == f"<{services.unsubscribe_url(subscriber)}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


@pytest.mark.parametrize("state", ["pending", "unsubscribed"])
def test_newsletter_marketing_email_refuses_anyone_without_confirmed_consent(state):
    subscriber = helpers.signed_up("ada@example.com")
    if state == "unsubscribed":
        services.unsubscribe(subscriber=subscriber, source=Source.STAFF, wording="Asked us")
        subscriber.refresh_from_db()

    with pytest.raises(services.NotConsented):
        marketing_email(subscriber)


def test_newsletter_unsubscribe_link_of_an_erased_subscriber_says_so(client):
    subscriber = helpers.subscribed("ada@example.com")
    url = unsubscribe_url(subscriber)
    subscriber.delete()

    assertContains(client.post(url), "any more")


def test_newsletter_preferences_need_sign_in(client):
    response = client.get(reverse("newsletter:preferences"))

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_newsletter_preferences_subscribe_asks_to_confirm_and_unsubscribe_withdraws(client):
    customer = UserFactory(email="sam@example.com")
    factories.sign_in(client, customer)
    url = reverse("newsletter:preferences")
    assertContains(client.get(url), "not subscribed to kēpos news")

    client.post(url, {"action": "subscribe"})

    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.user, subscriber.source) == (
        "pending",
        customer,
        Source.ACCOUNT,
    )
    assert subscriber.consent_records.get().wording == wording.ACCOUNT_SIGNUP
    assertContains(client.get(url), "Send the link again")
    client.post(helpers.confirm_path("sam@example.com"))
    assertContains(client.get(url), "subscribed to kēpos news with sam@example.com")

    response = client.post(url, {"action": "unsubscribe"}, follow=True)

    assertContains(response, "unsubscribed")
    withdrawn = subscriber.consent_records.get(action=Action.WITHDRAWN)
    assert (withdrawn.source, withdrawn.wording) == (Source.ACCOUNT, wording.ACCOUNT_UNSUBSCRIBE)


def test_newsletter_preferences_refuse_an_unknown_action_politely(client):
    factories.sign_in(client, UserFactory(email="sam@example.com"))

    response = client.post(reverse("newsletter:preferences"), {"action": "delete"}, follow=True)

    assertContains(response, "Please choose Subscribe or Unsubscribe.")
    assert not Subscriber.objects.exists()
