"""A customer downloads a copy of their data from their account: everything we hold
about them, nobody else's, and no secrets."""

import json

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from shop.privacy import registry, services
from shop.privacy.models import PrivacyRequest, email_digest
from tests import factories
from tests.privacy import helpers

pytestmark = pytest.mark.django_db


def download(client, shopper) -> dict:
    factories.sign_in(client, shopper.user)
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_privacy_page_offers_download_and_delete_with_what_we_hold(client, sam):
    factories.sign_in(client, sam.user)

    response = client.get(reverse("privacy:index"))

    assertContains(response, "Download my data")
    assertContains(response, reverse("privacy:delete"))
    assertContains(response, "<li>12 orders</li>", html=True)
    assertContains(response, "3 saved addresses")


def test_privacy_pages_send_visitors_to_sign_in(client):
    for name in ("privacy:index", "privacy:delete"):
        response = client.get(reverse(name))
        sign_in = f"{reverse('customer:login')}?next={reverse(name)}"
        assertRedirects(response, sign_in, fetch_redirect_response=False)
    assert client.get(reverse("privacy:export")).status_code == 405  # a download is a POST


def test_gdpr_export_holds_orders_addresses_chats_and_subscriptions(client, sam, ada):
    data = download(client, sam)

    assert data["email"] == sam.email
    assert data["profile"]["last_name"] == "Quillfeather"
    assert data["profile"]["joined"] and data["profile"]["last_signed_in"]
    held = data["data"]
    assert len(held["orders"]) == 12
    order = next(o for o in held["orders"] if o["number"] == "100001")
    assert len(order["lines"]) == 3
    assert order["total_incl_vat"] == str(sam.orders[0].total_incl_tax)
    assert order["delivery_address"]["line1"] == "7 Wickham Mews"
    assert order["delivery_address"]["phone_number"] == "+447700900123"
    assert order["billing_address"]["postcode"] == "BS8 4QZ"
    assert len(held["addresses"]) == 3
    assert len(held["reviews"]) == 2
    # The chat started while signed in; the one left signed out under the same e-mail
    # is not provably theirs (accounts do not prove the address): staff export it.
    assert [len(chat["messages"]) for chat in held["chats"]] == [3]
    assert held["chats"][0]["messages"][0]["text"].startswith("Does kefir help")
    (subscription,) = held["subscriptions"]
    assert subscription["card"] == "Visa ending 4242"
    assert len(subscription["renewals"]) == 3
    assert subscription["history"][0]["note"] == "Customer asked by phone"
    (card,) = held["saved_cards"]
    assert card.keys() == {"card", "brand", "last4", "saved"}
    assert (card["card"], card["brand"], card["last4"]) == ("Visa ending 4242", "Visa", "4242")
    assert held["wishlists"][0]["items"][0]["product"] == "Kefir grains"
    assert held["stock_alerts"][0]["product"] == "kēpos daily gut health"
    assert held["activity"]["searches"][0]["searched_for"] == "kefir for Quillfeather"
    assert held["security_records"][0]["ip_address"] == "203.0.113.9"


def test_gdpr_export_never_holds_another_customers_data_or_secrets(client, sam, ada):
    raw = json.dumps(download(client, sam))

    for other in ("ada.lovelace", "Lovelace", "Orchard Row", "200001"):
        assert other not in raw
    sam.user.refresh_from_db()
    card = sam.subscription.card
    for secret in (sam.user.password, card.token, card.customer_reference, "pm_test", "cus_test"):
        assert secret not in raw
    assert "password" not in raw


def test_gdpr_export_is_a_dated_json_attachment_no_cache_keeps(client, sam):
    factories.sign_in(client, sam.user)

    response = client.post(reverse("privacy:export"))

    assert response["Content-Type"].startswith("application/json")
    assert "no-store" in response["Cache-Control"]
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="kepos-my-data-')
    assert disposition.endswith('.json"')


def test_gdpr_export_is_logged_without_the_email_in_clear(client, sam):
    download(client, sam)

    logged = PrivacyRequest.objects.get()
    assert logged.kind == "export" and logged.subject == "customer"
    assert logged.handled_by is None and logged.counts["orders"] == 12
    assert logged.email_digest == email_digest(sam.email.upper())  # a repeat is recognised
    assert not helpers.rows_mentioning(sam.email).get(f"privacy_privacyrequest: {sam.email}")


def test_gdpr_registered_sections_are_called_on_export_and_erasure(sam):
    calls = []

    def export(user, email):
        calls.append(("export", user, email))
        return [{"newsletter": "weekly"}]

    def erase(user, email):
        calls.append(("erase", user, email))
        return 1

    registry.register("newsletter_test", export=export, erase=erase)
    try:
        data = services.export_data(user=sam.user, email=sam.email)
        summary = services.erase_person(user=sam.user, email=sam.email)
    finally:
        registry.unregister("newsletter_test")

    assert data["data"]["newsletter_test"] == [{"newsletter": "weekly"}]
    assert [call[0] for call in calls] == ["export", "erase"]
    assert calls[1][2] == sam.email
    assert summary.counts["newsletter_test"] == 1
