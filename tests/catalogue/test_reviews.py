"""Reviews: signed-in customers only, hidden until a moderator approves them."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from tests import factories

pytestmark = pytest.mark.django_db

ProductReview = get_model("reviews", "ProductReview")


def review_url(item):
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": item.slug, "product_pk": item.pk}
    )


REVIEW = {"score": 5, "title": "Lovely", "body": "Tangy and fresh <script>alert(1)</script>"}


def test_anonymous_visitors_cannot_review(client):
    item = factories.product("Kefir grains", "14.99")

    response = client.post(review_url(item), REVIEW)

    assert response.status_code == 302
    assert not ProductReview.objects.exists()


def test_a_customers_review_waits_for_moderation(client):
    item = factories.product("Kefir grains", "14.99")
    factories.sign_in(client, UserFactory())

    client.post(review_url(item), REVIEW)

    review = ProductReview.objects.get()
    assert review.status == ProductReview.FOR_MODERATION
    assert "Tangy and fresh" not in client.get(item.get_absolute_url()).content.decode()


def test_an_approved_review_shows_with_its_text_escaped(client):
    item = factories.product("Kefir grains", "14.99")
    factories.sign_in(client, UserFactory())
    client.post(review_url(item), REVIEW)
    ProductReview.objects.update(status=ProductReview.APPROVED)

    html = client.get(item.get_absolute_url()).content.decode()

    assert "Tangy and fresh" in html
    assert "<script>alert(1)</script>" not in html
