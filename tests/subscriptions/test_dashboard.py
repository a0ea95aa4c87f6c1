"""Staff and subscriptions: Customer service finds one and acts for the customer
with a note; Managers see active count, recurring revenue and cancellations."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from shop import roles
from shop.subscriptions import figures
from shop.subscriptions.models import Subscription
from shop.subscriptions.schedule import uk_today
from tests import factories
from tests.pages import text_of
from tests.subscriptions import helpers

pytestmark = pytest.mark.django_db

Status = Subscription.Status


@pytest.fixture
def world():
    return helpers.world()


@pytest.fixture
def sams(world):
    return helpers.direct_subscription(
        world["sam"], world["capsules"], next_date=uk_today() + timedelta(days=6)
    )


@pytest.fixture
def service(client):
    return factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))


def test_customer_service_finds_a_subscription_by_the_customers_email(service, world, sams):
    other = helpers.customer("ada@example.com")
    helpers.direct_subscription(other, world["capsules"], next_date=uk_today())

    page = text_of(service.get(reverse("dashboard:subscription-list"), {"q": "sam@exa"}))

    assert "sam@example.com" in page
    assert "ada@example.com" not in page
    assert "1 × kēpos daily gut health, every 4 weeks" in page


def test_subscription_list_filters_by_status_with_counts(service, world, sams):
    failing = helpers.direct_subscription(
        helpers.customer("ada@example.com"), world["capsules"], next_date=uk_today()
    )
    Subscription.objects.filter(pk=failing.pk).update(status=Status.FAILING)

    page = text_of(service.get(reverse("dashboard:subscription-list"), {"status": "failing"}))

    assert "ada@example.com" in page and "sam@example.com" not in page
    assert "Payment failing 1" in page and "Active 1" in page and "All 2" in page


@pytest.mark.parametrize(
    ("action", "status", "event"),
    [("pause", Status.PAUSED, "paused"), ("cancel", Status.CANCELLED, "cancelled")],
)
def test_customer_service_acts_on_a_subscription_with_a_note(service, sams, action, status, event):
    note = "Customer asked by chat: moving house"

    response = service.post(
        reverse("dashboard:subscription-action", args=[sams.pk]), {"action": action, "note": note}
    )

    assert response.status_code == 302
    sams.refresh_from_db()
    assert sams.status == status
    recorded = sams.events.get(action=event)
    assert (recorded.note, recorded.by_staff) == (note, True)
    assert recorded.actor.email == "customer@kepos.example"


def test_customer_service_skip_for_a_customer_moves_the_next_date(service, sams):
    first = sams.next_date

    service.post(
        reverse("dashboard:subscription-action", args=[sams.pk]),
        {"action": "skip", "note": "Asked by phone"},
    )

    sams.refresh_from_db()
    assert sams.next_date == first + timedelta(weeks=4)


def test_subscription_action_without_a_note_changes_nothing(service, sams):
    response = service.post(
        reverse("dashboard:subscription-action", args=[sams.pk]), {"action": "cancel", "note": ""}
    )

    assert response.status_code == 400
    assert "This field is required" in text_of(response)
    sams.refresh_from_db()
    assert sams.status == Status.ACTIVE


def test_subscriber_sees_staff_actions_without_staff_notes(client, service, sams):
    service.post(
        reverse("dashboard:subscription-action", args=[sams.pk]),
        {"action": "pause", "note": "Internal: sounded unhappy"},
    )
    factories.sign_in(client, sams.user)

    page = text_of(client.get(reverse("subscriptions:detail", args=[sams.pk])))

    assert "Paused (by our customer service)" in page
    assert "sounded unhappy" not in page


@pytest.mark.parametrize("role", [roles.MARKETING, roles.ORDER_STAFF])
def test_subscription_list_is_closed_to_other_roles(client, sams, role):
    factories.sign_in(client, factories.staff_user(role))

    response = client.get(reverse("dashboard:subscription-list"))

    assert response.status_code in (302, 403)


def test_subscription_figures_are_for_managers_only(service, sams):
    assert service.get(reverse("dashboard:subscription-figures")).status_code in (302, 403)


def test_subscription_figures_show_active_count_mrr_and_cancellations(client, world):
    kefir = world["kefir"].children.get(title__endswith="1 litre")
    with time_machine.travel(helpers.at("2027-01-10 12:00"), tick=False):
        helpers.direct_subscription(world["sam"], world["capsules"], next_date=date(2027, 2, 1))
        weekly = helpers.direct_subscription(
            helpers.customer("ada@example.com"), kefir, next_date=date(2027, 2, 1), weeks=1,
            quantity=2,
        )  # fmt: skip
        gone = helpers.direct_subscription(
            helpers.customer("bo@example.com"), world["capsules"], next_date=date(2027, 2, 1)
        )
    with time_machine.travel(helpers.at("2027-02-15 12:00"), tick=False):
        gone.status, gone.cancelled_at = Status.CANCELLED, helpers.at("2027-02-15 12:00")
        gone.save()
        factories.sign_in(client, factories.staff_user(roles.MANAGERS))
        page = text_of(client.get(reverse("dashboard:subscription-figures")))
        months = {m.month: m for m in figures.by_month()}

    # 35.99 every 4 weeks + 2 × 7.19 every week, times 52/12 weeks a month
    expected = (D("35.99") / 4 + D("14.38")) * D(52) / D(12)
    assert figures.monthly_recurring_revenue() == expected.quantize(D("0.01"))
    assert f"£{expected.quantize(D('0.01'))}" in page
    assert "Active 2" in page
    assert (months[date(2027, 1, 1)].started, months[date(2027, 2, 1)].cancelled) == (3, 1)
    assert weekly.status == Status.ACTIVE


def test_subscription_dashboard_list_queries_do_not_grow(service, world):
    def count(total):
        while Subscription.objects.count() < total:
            n = Subscription.objects.count()
            helpers.direct_subscription(
                helpers.customer(f"c{n}@example.com"), world["capsules"], next_date=uk_today()
            )
        with CaptureQueriesContext(connection) as queries:
            assert service.get(reverse("dashboard:subscription-list")).status_code == 200
        return len(queries)

    assert count(3) == count(30) <= 25


def test_a_subscribed_product_cannot_be_deleted_from_the_dashboard(client, world, sams):
    factories.sign_in(client, factories.staff_user(roles.MANAGERS))
    capsules = world["capsules"]

    response = client.post(reverse("dashboard:catalogue-product-delete", args=[capsules.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:catalogue-product", args=[capsules.pk])
    page = text_of(client.get(response["Location"]))
    assert "1 customer subscription uses it" in page
    sams.refresh_from_db()
    assert sams.product == capsules
