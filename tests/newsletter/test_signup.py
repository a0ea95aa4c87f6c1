"""Sign-up with double opt-in: the footer form, the e-mailed link, the consent records."""

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils.html import escape
from oscar.test.factories import UserFactory
from pytest_django.asserts import assertContains, assertNotContains

from shop.newsletter import tokens, wording
from shop.newsletter.models import ConsentRecord, Source, Subscriber
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.newsletter import helpers

pytestmark = pytest.mark.django_db

Action = ConsentRecord.Action


def sign_up(client, address: str, next_url: str = "/blog/"):
    return client.post(reverse("newsletter:signup"), {"email": address, "next": next_url})


def test_newsletter_signup_queues_a_confirmation_email_with_a_signed_link(client):
    response = sign_up(client, "ada@example.com")

    assert response.status_code == 302 and response["Location"] == "/blog/"
    assert "e-mailed you a link" in str(next(iter(get_messages(response.wsgi_request))))
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status) == ("ada@example.com", "pending")
    record = subscriber.consent_records.get()
    assert (record.action, record.source) == (Action.REQUESTED, Source.FOOTER)
    email = OutboxEmail.objects.get(to="ada@example.com")
    assert "confirm" in email.subject.lower()
    link = next(u for u in helpers.links_in(email) if "/newsletter/confirm/" in u)
    assert link.startswith("http")  # absolute, for a mail program
    assert tokens.read_confirm(link.rstrip("/").rsplit("/", 1)[-1]).request_id == record.pk


def test_newsletter_confirm_link_get_only_asks_and_post_confirms(client):
    helpers.signed_up("ada@example.com")
    path = helpers.confirm_path("ada@example.com")

    page = client.get(path)  # a mail scanner following the link changes nothing

    assertContains(page, "Confirm my subscription")
    assertContains(page, escape(wording.CONFIRM_PAGE))
    assert Subscriber.objects.get().status == "pending"

    done = client.post(path)

    assertContains(done, "is subscribed")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at
    request, confirmation = subscriber.consent_records.all()
    assert [request.action, confirmation.action] == [Action.REQUESTED, Action.CONFIRMED]
    assert confirmation.confirms == request
    assert (confirmation.source, confirmation.wording) == (Source.EMAIL, wording.CONFIRM_PAGE)


def test_consent_record_keeps_the_wording_shown_verbatim_for_a_checkout_signup():
    customer = UserFactory(email="sam@example.com")

    subscriber = helpers.signed_up(
        "sam@example.com", source=Source.CHECKOUT, text=wording.CHECKOUT_SIGNUP, user=customer
    )

    record = subscriber.consent_records.get()
    assert record.wording == wording.CHECKOUT_SIGNUP  # every character, kēpos included
    assert record.source == Source.CHECKOUT
    assert subscriber.user == customer


def test_newsletter_signup_redirects_only_to_a_safe_next(client):
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = sign_up(client, f"{len(target)}@example.com", next_url=target)
        assert response["Location"] == "/"


def test_newsletter_signup_with_an_invalid_email_shows_the_error_and_keeps_it(client):
    response = sign_up(client, "ada at example.com<script>")

    assert response.status_code == 200
    assertContains(response, "Enter a valid e-mail address, like name@example.com.")
    assertContains(response, 'value="ada at example.com&lt;script&gt;"')
    assertNotContains(response, "example.com<script>")
    assertContains(response, 'name="next" value="/blog/"')
    assert not Subscriber.objects.exists() and not OutboxEmail.objects.exists()


def test_newsletter_signup_with_no_email_says_so(client):
    response = sign_up(client, "   ")

    assertContains(response, "Enter your e-mail address.")


def test_newsletter_signup_is_rate_limited_per_visitor(client):
    statuses = [sign_up(client, f"shopper{n}@example.com").status_code for n in range(6)]

    assert statuses == [302] * 5 + [429]
    assert Subscriber.objects.count() == 5


def test_newsletter_signup_when_already_confirmed_sends_nothing_more(client):
    helpers.subscribed("ada@example.com")
    emails = OutboxEmail.objects.count()

    response = sign_up(client, "ADA@example.com")

    assert response.status_code == 302
    assert OutboxEmail.objects.count() == emails
    assert Subscriber.objects.get().consent_records.count() == 2  # requested, confirmed


def test_newsletter_pending_signup_is_not_emailed_again_within_the_hour(client):
    helpers.signed_up("ada@example.com")
    first_link = helpers.confirm_path("ada@example.com")
    subscriber = helpers.signed_up(
        "ada@example.com", source=Source.CHECKOUT, text=wording.CHECKOUT_SIGNUP
    )

    assert OutboxEmail.objects.filter(to="ada@example.com").count() == 1
    assert [r.wording for r in subscriber.consent_records.all()] == [
        wording.FOOTER_SIGNUP,
        wording.CHECKOUT_SIGNUP,  # both consent requests are evidence
    ]
    client.post(first_link)  # the link sent first still confirms
    assert Subscriber.objects.get().status == "confirmed"


def test_newsletter_email_is_unique_whatever_its_case():
    helpers.signed_up("Ada@Example.com")
    helpers.signed_up("ada@example.com")

    assert Subscriber.objects.count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Subscriber.objects.create(email="ADA@EXAMPLE.COM", source=Source.STAFF)


def test_newsletter_confirm_link_tampered_is_refused(client):
    helpers.signed_up("ada@example.com")
    path = helpers.confirm_path("ada@example.com")
    tampered = path[:-6] + ("A" if path[-6] != "A" else "B") + path[-5:]

    for url in (tampered, reverse("newsletter:confirm", args=["not-a-token"])):
        assertContains(client.get(url), "it may have been cut short or changed", status_code=400)
        assertContains(client.post(url), "it may have been cut short or changed", status_code=400)
    assert Subscriber.objects.get().status == "pending"


def test_newsletter_confirm_link_expired_invites_to_sign_up_again(client):
    subscriber = helpers.signed_up("ada@example.com")
    url = reverse("newsletter:confirm", args=[helpers.expired_confirm_token(subscriber)])

    response = client.post(url)

    assertContains(response, "This link has expired", status_code=410)
    assertContains(response, 'action="/newsletter/signup/"', status_code=410)
    assert Subscriber.objects.get().status == "pending"


def test_newsletter_confirm_link_reused_after_confirming_says_already_confirmed(client):
    helpers.signed_up("ada@example.com")
    path = helpers.confirm_path("ada@example.com")
    client.post(path)

    again = client.post(path)

    assertContains(again, "already confirmed: ada@example.com is subscribed")
    assert ConsentRecord.objects.filter(action=Action.CONFIRMED).count() == 1
    assertContains(client.get(path), "already confirmed: ada@example.com is subscribed")


def test_newsletter_confirm_link_from_before_unsubscribing_does_not_resubscribe(client):
    helpers.signed_up("ada@example.com")
    path = helpers.confirm_path("ada@example.com")
    client.post(path)
    client.post(reverse("newsletter:unsubscribe", args=[unsubscribe_token("ada@example.com")]))

    response = client.post(path)

    assertContains(response, "sent before you unsubscribed")
    assert Subscriber.objects.get().status == "unsubscribed"


def unsubscribe_token(address: str) -> str:
    return tokens.unsubscribe_token(Subscriber.objects.get(email=address))


def test_newsletter_footer_partial_has_a_label_the_wording_and_comes_back_here():
    request = RequestFactory().get("/catalogue/?page=2")

    html = render_to_string("newsletter/partials/signup_form.html", request=request)

    assert 'action="/newsletter/signup/"' in html and 'method="post"' in html
    assert '<label for="newsletter-footer-email"' in html
    assert 'id="newsletter-footer-email"' in html
    assert escape(wording.FOOTER_SIGNUP) in html
    assert 'name="next" value="/catalogue/?page=2"' in html
    assert "csrfmiddlewaretoken" in html
    assert '<button type="submit"' in html


def test_newsletter_signup_page_shows_the_form_and_changes_nothing(client):
    response = client.get(reverse("newsletter:signup"), {"next": "https://evil.example/"})

    assertContains(response, '<label for="newsletter-page-email"')
    assertContains(response, 'name="next" value="/"')
    assert not Subscriber.objects.exists()


def test_newsletter_signup_never_links_someone_elses_address_to_an_account(client):
    shopper = UserFactory(email="sam@example.com")
    factories.sign_in(client, shopper)

    sign_up(client, "ada@example.com")
    helpers.signed_up("bob@example.com", source=Source.CHECKOUT, user=shopper)
    sign_up(client, "SAM@example.com")

    linked = dict(Subscriber.objects.values_list("email", "user"))
    assert linked == {
        "ada@example.com": None,
        "bob@example.com": None,
        "SAM@example.com": shopper.pk,
    }
