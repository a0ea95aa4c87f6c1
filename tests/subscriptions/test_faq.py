"""The FAQ's Subscriptions answers quote the live offers and renewal rules."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from shop.subscriptions.models import SubscriptionOffer
from tests.pages import text_of

pytestmark = pytest.mark.django_db


def test_subscriptions_faq_answers_quote_the_live_offers_and_rules(client):
    call_command("load_demo_data", verbosity=0)

    page = text_of(client.get(reverse("faq:index")))

    assert "Subscriptions" in page
    assert "every 1, 2, 4, 8, 12 or 26 weeks" in page
    assert "You save up to 10% on every delivery" in page
    assert "We e-mail you 3 days before every delivery" in page
    assert "try again 1, 3 and 5 days after the first attempt" in page
    assert "FREE when a delivery comes to £25 or more" in page


def test_subscriptions_faq_follows_an_offer_change_at_once(client):
    call_command("load_demo_data", verbosity=0)
    SubscriptionOffer.objects.filter(product__title="Goat's Milk Kefir").update(saving_percent=15)

    page = text_of(client.get(reverse("faq:index")))

    assert "You save up to 15% on every delivery" in page
