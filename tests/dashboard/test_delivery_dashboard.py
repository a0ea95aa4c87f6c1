"""Staff edit delivery rules and closure days in the dashboard; shoppers see the result."""

from datetime import date

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.workdays.models import Closure
from tests import factories
from tests.shipping.test_pages import add, text_of

pytestmark = pytest.mark.django_db

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


@pytest.fixture
def staff_client(client):
    factories.sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def form_data(method, **changes):
    data = {
        "name": method.name,
        "description": method.description,
        "is_active": "on" if method.is_active else "",
        "is_headline": "on" if method.is_headline else "",
        "position": method.position,
        "price_per_order": method.price_per_order,
        "free_shipping_threshold": method.free_shipping_threshold or "",
        "serves_mainland": "on" if method.serves_mainland else "",
        "serves_highlands_islands": "on" if method.serves_highlands_islands else "",
        "highlands_islands_surcharge": method.highlands_islands_surcharge,
        "serves_northern_ireland": "on" if method.serves_northern_ireland else "",
        "northern_ireland_surcharge": method.northern_ireland_surcharge,
        "cutoff_time": method.cutoff_time.strftime("%H:%M"),
        "transit_days_min": method.transit_days_min,
        "transit_days_max": method.transit_days_max,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_staff_change_the_threshold_and_the_strip_and_basket_follow(staff_client, client):
    next_day = factories.delivery_methods()["Next Day"]
    item = factories.product("Capsules", "20.00")

    response = staff_client.post(
        reverse("dashboard:shipping-method-edit", kwargs={"pk": next_day.pk}),
        form_data(next_day, free_shipping_threshold="30.00"),
    )
    staff_client.logout()
    add(client, item)
    basket = text_of(client.get(reverse("basket:summary")))

    assert response.status_code == 302
    assert "FREE Next Day Delivery on orders over £30" in basket
    assert "Spend £10.00 more for FREE Next Day delivery." in basket


def test_the_method_list_shows_the_rules(staff_client):
    factories.delivery_methods()

    text = text_of(staff_client.get(reverse("dashboard:shipping-method-list")))

    assert "Next Day £4.99 £25.00 UK mainland" in text
    assert "Highlands & Islands (+£3.00)" in text


def test_a_second_headline_offer_is_refused_with_a_clear_message(staff_client):
    standard = factories.delivery_methods()["Standard"]

    response = staff_client.post(
        reverse("dashboard:shipping-method-edit", kwargs={"pk": standard.pk}),
        form_data(standard, is_headline="on"),
    )

    assert response.status_code == 200
    assert "“Next Day” is already the headline offer." in response.content.decode()
    assert not DeliveryMethod.objects.get(pk=standard.pk).is_headline


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"price_per_order": "-1"}, "greater than or equal to 0"),
        ({"transit_days_min": "3", "transit_days_max": "2"}, "cannot be faster than the fastest"),
        ({"cutoff_time": "25:99"}, "Enter a valid time."),
        ({"price_per_order": "abc"}, "Enter a number."),
    ],
)
def test_bad_method_input_gets_a_clear_message_and_saves_nothing(staff_client, changes, message):
    standard = factories.delivery_methods()["Standard"]

    response = staff_client.post(
        reverse("dashboard:shipping-method-edit", kwargs={"pk": standard.pk}),
        form_data(standard, **changes),
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert DeliveryMethod.objects.get(pk=standard.pk).price_per_order == standard.price_per_order


def test_staff_add_a_closure_and_delivery_dates_skip_it(staff_client):
    response = staff_client.post(
        reverse("dashboard:shipping-closure-create"),
        {"reason": "Christmas break", "first_day": "2026-12-24", "last_day": "2027-01-01"},
    )

    assert response.status_code == 302
    closure = Closure.objects.get()
    assert (closure.first_day, closure.last_day) == (date(2026, 12, 24), date(2027, 1, 1))
    listing = text_of(staff_client.get(reverse("dashboard:shipping-closure-list")))
    assert "Christmas break Thu 24 Dec 2026 Fri 1 Jan 2027" in listing


def test_a_closure_that_ends_before_it_starts_is_refused(staff_client):
    response = staff_client.post(
        reverse("dashboard:shipping-closure-create"),
        {"reason": "Oops", "first_day": "2026-12-24", "last_day": "2026-12-20"},
    )

    assert response.status_code == 200
    assert "The last day cannot be before the first day." in response.content.decode()
    assert not Closure.objects.exists()


@pytest.mark.parametrize(
    "url_name",
    [
        "dashboard:shipping-method-list",
        "dashboard:shipping-method-create",
        "dashboard:shipping-closure-list",
    ],
)
def test_shoppers_cannot_reach_the_delivery_dashboard(client, url_name):
    factories.sign_in(client, UserFactory())

    response = client.get(reverse(url_name))

    assert response.status_code in (302, 403)
    assert "Delivery methods" not in response.content.decode()


def test_staff_flag_a_product_as_live_goods_in_the_product_form(staff_client):
    item = factories.product("Kefir grains", "14.99")

    response = staff_client.get(reverse("dashboard:catalogue-product", kwargs={"pk": item.pk}))

    assert response.status_code == 200
    assert 'name="no_weekend_transit"' in response.content.decode()
