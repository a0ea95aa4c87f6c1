"""Verified reviews: only customers whose order of the product has arrived write one, each
is marked "Verified buyer" and waits for a moderator; ratings count verified buyers only."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory, create_order

from shop.core.site import site_url
from shop.order import services, status
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.pages import by_type, jsonld, text_of

pytestmark = pytest.mark.django_db

Order = get_model("order", "Order")
ProductReview = get_model("reviews", "ProductReview")

REVIEW = {"score": 2, "title": "Too sour", "body": "Tangy and fresh <script>alert(1)</script>"}


def review_url(item):
    return reverse(
        "catalogue:reviews-add", kwargs={"product_slug": item.slug, "product_pk": item.pk}
    )


def bought(user, item, order_status=status.DELIVERED, **fields):
    order = create_order(user=user, basket=factories.basket_with((item, 1)))
    Order.objects.filter(pk=order.pk).update(status=order_status, **fields)
    return order


@pytest.fixture
def grains():
    return factories.product("Kefir grains", "14.99")


@pytest.fixture
def customer(client):
    user = UserFactory()
    factories.sign_in(client, user)
    return user


def test_a_guest_cannot_review(client, grains):
    response = client.post(review_url(grains), REVIEW)

    assert response.status_code == 302
    assert not ProductReview.objects.exists()


def test_a_customer_without_an_order_is_told_why_they_cannot_review(client, customer, grains):
    response = client.post(review_url(grains), REVIEW, follow=True)

    assert "whose order of this product has arrived" in text_of(response)
    assert not ProductReview.objects.exists()


@pytest.mark.parametrize("order_status", [status.PAID, status.PACKED, status.CANCELLED])
def test_an_order_that_has_not_arrived_does_not_allow_a_review(
    client, customer, grains, order_status
):
    bought(customer, grains, order_status)

    client.post(review_url(grains), REVIEW)

    assert not ProductReview.objects.exists()


def test_a_dispatched_order_allows_a_review_only_after_its_latest_delivery_date(
    client, customer, grains
):
    today = timezone.localdate()
    order = bought(customer, grains, status.DISPATCHED, deliver_by=today)
    client.post(review_url(grains), REVIEW)
    Order.objects.filter(pk=order.pk).update(deliver_by=today - timedelta(days=1))
    client.post(review_url(grains), REVIEW)

    assert ProductReview.objects.count() == 1


def test_a_delivered_order_gives_a_verified_review_that_waits_for_moderation(
    client, customer, grains
):
    bought(customer, grains)

    response = client.post(review_url(grains), REVIEW)

    review = ProductReview.objects.get()
    assert response.status_code == 302
    assert (review.verified_purchase, review.status) == (True, ProductReview.FOR_MODERATION)
    assert "Tangy and fresh" not in client.get(grains.get_absolute_url()).content.decode()


def test_buying_a_size_lets_the_customer_review_the_product(client, customer):
    kefir = factories.parent_with_sizes("Goat's Milk Kefir", {"500 ml": ("4.49", {})})
    bought(customer, kefir.children.get())

    client.post(review_url(kefir), REVIEW)

    assert ProductReview.objects.get().product == kefir


def test_someone_elses_order_does_not_count(client, customer, grains):
    bought(UserFactory(), grains)

    client.post(review_url(grains), REVIEW)

    assert not ProductReview.objects.exists()


def test_a_critical_review_once_approved_shows_as_a_verified_buyers_escaped(
    client, customer, grains
):
    bought(customer, grains)
    client.post(review_url(grains), REVIEW)
    review = ProductReview.objects.get()
    review.status = ProductReview.APPROVED  # as a moderator does, which updates the rating
    review.save()

    response = client.get(grains.get_absolute_url())

    html = response.content.decode()
    assert "Tangy and fresh" in html and "<script>alert(1)</script>" not in html
    assert "Verified buyer" in html
    assert "2.0 out of 5, from 1 verified buyer." in text_of(response)
    assert "already reviewed" in text_of(response)


def test_ratings_and_search_engines_count_verified_buyers_only(client, grains):
    ProductReview.objects.create(
        product=grains, score=5, title="Bought it", body="Good.", status=1,
        verified_purchase=True, user=UserFactory(),
    )  # fmt: skip
    ProductReview.objects.create(
        product=grains, score=1, title="Old review", body="From before.", status=1,
        verified_purchase=False, name="A", email="a@example.com",
    )  # fmt: skip
    grains.refresh_from_db()

    response = client.get(grains.get_absolute_url())
    rating = by_type(jsonld(response), "Product")["aggregateRating"]

    assert grains.rating == 5.0
    assert (rating["ratingValue"], rating["reviewCount"]) == ("5.0", 1)
    assert "Old review" in text_of(response)  # shown, without the verified mark


def test_product_cards_show_stars_and_the_verified_review_count(client, grains):
    category = factories.category("Kefir > Cultures")
    grains.categories.add(category)
    for score in (4, 5):
        ProductReview.objects.create(
            product=grains, score=score, title="x", body="x", status=1,
            verified_purchase=True, user=UserFactory(),
        )  # fmt: skip

    html = client.get(reverse("catalogue:index")).content.decode()

    assert 'aria-label="Rated 4.5 out of 5 by 2 verified buyers"' in html
    assert "4.5 (2)" in html


def test_the_review_policy_explains_collection_and_moderation(client):
    text = text_of(client.get(reverse("legal:page", kwargs={"slug": "review-policy"})))

    assert "Verified buyer" in text
    assert "whether they are positive or negative" in text


def test_the_dispatch_email_links_a_customer_to_review_what_they_bought(customer, grains):
    factories.delivery_methods()
    order = bought(customer, grains, status.PACKED)
    OutboxEmail.objects.all().delete()

    services.dispatch_order(order, tracking_number="RM1GB")

    email = OutboxEmail.objects.get()
    assert f"Kefir grains: {site_url(review_url(grains))}" in email.body_text
    assert review_url(grains) in email.body_html


def test_a_guests_dispatch_email_has_no_review_link(grains):
    order = create_order(basket=factories.basket_with((grains, 1)), guest_email="g@example.com")
    Order.objects.filter(pk=order.pk).update(status=status.PACKED)
    order.refresh_from_db()

    services.dispatch_order(order, tracking_number="RM1GB")

    assert "/reviews/add/" not in OutboxEmail.objects.latest("pk").body_text


def delivered(order):
    Order.objects.filter(pk=order.pk).update(status=status.DISPATCHED)
    order.refresh_from_db()
    OutboxEmail.objects.all().delete()
    services.mark_delivered(order)


def test_a_customer_who_consented_to_emails_is_invited_to_review_after_delivery(grains):
    from tests.newsletter.helpers import subscribed

    user = UserFactory(email="ada@example.com")
    subscribed("ada@example.com", user=user)

    delivered(bought(user, grains, status.PACKED))

    email = OutboxEmail.objects.get()
    assert email.subject == "How was your kēpos order?"
    assert site_url(review_url(grains)) in email.body_text
    assert "List-Unsubscribe" in email.headers


def test_without_consent_no_review_email_follows_delivery(grains):
    delivered(bought(UserFactory(), grains, status.PACKED))

    assert not OutboxEmail.objects.exists()
