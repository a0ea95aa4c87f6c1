"""Who we are on every page and e-mail; legal pages with versions; the terms each order accepted."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from shop import roles
from shop.legal.models import LegalPage, LegalPageVersion, TraderIdentity
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories
from tests.legal.helpers import catalogue, guest_order
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")

TEN_SECTIONS = "".join(
    f"<h2>Section {n}</h2><p>{'Plain words about this part of the terms. ' * 12}</p>"
    f"<ul><li><p>One point</p></li><li><p>Another point</p></li></ul>"
    for n in range(1, 11)
)


@pytest.fixture
def shop():
    return catalogue()


def manager_client():
    return factories.sign_in(Client(), factories.staff_user(roles.MANAGERS))


def publish(page: LegalPage, body: str, summary: str = "Clearer wording") -> None:
    """Save new wording through the admin, as a Manager does."""
    client = manager_client()
    url = reverse("admin:legal_legalpage_change", args=[page.pk])
    response = client.post(
        url,
        {
            "title": page.title,
            "summary": page.summary,
            "body": body,
            "change_summary": summary,
            "versions-TOTAL_FORMS": "0",
            "versions-INITIAL_FORMS": str(page.versions.count()),
            "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302, text_of(response)[:2000]


def test_trader_identity_is_in_every_pages_footer(client, shop):
    for url in ("/", reverse("catalogue:index"), reverse("basket:summary"), "/legal/terms/"):
        text = text_of(client.get(url))
        assert "kēpos Ltd" in text
        assert "Registered in England and Wales, company number 01234567" in text
        assert "Registered office: Unit 4, Orchard Yard" in text
        assert "VAT number GB 123 4567 89" in text
        assert "hello@kepos.example" in text and "0117 496 0000" in text


def test_trader_identity_edited_by_a_manager_shows_at_once(client):
    manager = manager_client()
    url = reverse("admin:legal_traderidentity_change", args=[1])
    data = {
        "company_name": "Kepos Foods Ltd",
        "company_number": "sc123456",
        "registered_in": "Scotland",
        "registered_office": "1 High Street, Edinburgh EH1 1AA",
        "vat_number": "GB 987 6543 21",
        "email": "help@kepos.example",
        "phone": "0131 496 0000",
    }
    assert manager.post(url, data).status_code == 302
    text = text_of(client.get("/"))
    assert "Kepos Foods Ltd" in text
    assert "Registered in Scotland, company number SC123456" in text
    assert TraderIdentity.objects.count() == 1


def test_trader_company_number_must_have_eight_characters():
    manager = manager_client()
    url = reverse("admin:legal_traderidentity_change", args=[1])
    response = manager.post(
        url,
        {
            "company_name": "x",
            "company_number": "12-45",
            "registered_in": "England and Wales",
            "registered_office": "x",
            "email": "a@example.com",
            "phone": "1",
        },
    )
    assert response.status_code == 200
    assert "A company number has 8 letters or digits" in text_of(response)
    assert TraderIdentity.objects.get().company_number == "01234567"


def test_trader_identity_cannot_be_changed_by_marketing():
    marketer = factories.sign_in(Client(), factories.staff_user(roles.MARKETING))
    url = reverse("admin:legal_traderidentity_change", args=[1])
    assert marketer.post(url, {"company_name": "Mine"}).status_code == 403
    assert TraderIdentity.objects.get().company_name == "kēpos Ltd"


def test_trader_identity_is_in_the_order_confirmation_and_json_ld(client, shop):
    guest_order(client, [(shop["jar"], 1)])
    confirmation = OutboxEmail.objects.filter(subject__icontains="order").earliest("pk")
    for body in (confirmation.body_text, confirmation.body_html):
        assert "Registered in England and Wales, company number 01234567" in body
        assert "VAT number GB 123 4567 89" in body
    home = client.get("/").content.decode()
    blocks = [
        json.loads(chunk.split(">", 1)[1].split("</script>")[0])
        for chunk in home.split('<script type="application/ld+json"')[1:]
    ]
    organisation = next(b for b in blocks if b.get("@type") == "Organization")
    assert organisation["vatID"] == "GB 123 4567 89"
    assert organisation["email"] == "hello@kepos.example"


def test_terms_pages_show_their_version_and_last_updated_date(client):
    for page in LegalPage.objects.published():
        response = client.get(page.get_absolute_url())
        assert response.status_code == 200, page.slug
        text = text_of(response)
        assert page.title in text
        assert f"Version {page.current.number}, last updated" in text


def test_terms_new_wording_is_a_new_version_and_the_old_one_is_kept(client):
    page = LegalPage.objects.get(kind="terms")
    first = page.current
    publish(page, TEN_SECTIONS)
    page.refresh_from_db()
    assert page.current.number == 2
    assert page.current.change_summary == "Clearer wording"
    assert LegalPageVersion.objects.filter(pk=first.pk, body=first.body).exists()
    text = text_of(client.get(page.get_absolute_url()))
    assert "Version 2" in text and "Section 10" in text


def test_terms_change_needs_a_summary_for_the_history():
    page = LegalPage.objects.get(kind="terms")
    client = manager_client()
    response = client.post(
        reverse("admin:legal_legalpage_change", args=[page.pk]),
        {
            "title": page.title,
            "summary": page.summary,
            "body": "<p>New words</p>",
            "change_summary": "",
            "versions-TOTAL_FORMS": "0",
            "versions-INITIAL_FORMS": "1",
            "versions-MIN_NUM_FORMS": "0",
            "versions-MAX_NUM_FORMS": "1000",
        },
    )
    assert "Say what changed" in text_of(response)
    assert page.versions.count() == 1


def test_terms_wording_is_sanitised_whoever_saves_it(client):
    page = LegalPage.objects.get(kind="privacy")
    version = LegalPageVersion.objects.create(
        page=page, number=2, body='<h2>Rights</h2><p onclick="x()">Hi</p><script>x()</script>'
    )
    page.current = version
    page.save()
    html = client.get(page.get_absolute_url()).content.decode()
    assert "<h2>Rights</h2>" in html
    assert "onclick" not in html and "<script>x()" not in html


def test_terms_accepted_are_recorded_on_the_order(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    terms = LegalPage.objects.get(kind="terms").current
    assert order.terms_accepted == terms
    assert order.subscription_terms_accepted is None


def test_terms_review_page_links_the_terms_and_the_right_to_cancel(client, shop):
    steps.guest_checkout(client, [(shop["kefir"], 1), (shop["capsules"], 1)])
    page = client.get(reverse("checkout:preview"))
    html = page.content.decode()
    assert 'href="/legal/terms/"' in html and 'href="/legal/returns/"' in html
    text = text_of(page)
    assert "By placing your order you agree to our terms of sale (version 1" in text
    assert "Milk kefir drink: Cannot be cancelled once dispatched" in text
    assert "Food supplement: You may cancel within 14 days" in text


def test_terms_changed_during_checkout_are_not_accepted_silently(client, shop):
    token = steps.guest_checkout(client, [(shop["jar"], 1)])
    publish(LegalPage.objects.get(kind="terms"), "<p>Different terms</p>")
    response = steps.place_order(client, token=token)
    assert response.status_code == 200
    assert "Our terms were updated while you were checking out" in text_of(response)
    assert not Order.objects.exists()
    placed = steps.place_order(client)  # with the page that shows version 2
    assert placed.status_code == 302
    assert Order.objects.get().terms_accepted.number == 2


def test_terms_privacy_notice_moved_and_old_link_redirects(client):
    response = client.get("/privacy/")
    assert response.status_code == 301 and response["Location"] == "/legal/privacy/"
    text = text_of(client.get("/legal/privacy/"))
    assert "How long we keep it" in text
    assert "Live chat conversations" in text and "90 days" in text
    assert "Information Commissioner" in text


def test_terms_pages_are_linked_from_every_footer(client):
    html = client.get("/").content.decode()
    for slug in ("terms", "delivery-terms", "returns", "subscription-terms", "privacy", "cookies"):
        assert f'href="/legal/{slug}/"' in html
    assert 'href="/legal/cookies/#your-choice">Cookie settings' in html


def test_terms_page_for_an_unknown_slug_is_404(client):
    assert client.get("/legal/no-such-page/").status_code == 404


def test_terms_of_a_retried_payment_are_the_ones_shown_at_the_retry(client, shop):
    token = steps.guest_checkout(client, [(shop["jar"], 1)])
    declined = steps.place_order(client, card=steps.DECLINED_CARD, token=token)
    assert declined.status_code == 200
    pending = Order.objects.get()
    assert pending.terms_accepted.number == 1
    publish(LegalPage.objects.get(kind="terms"), "<p>Newer terms</p>")

    assert steps.place_order(client).status_code == 302  # reviewed again: version 2 shown

    order = Order.objects.get()
    assert order.pk == pending.pk and order.terms_accepted.number == 2
