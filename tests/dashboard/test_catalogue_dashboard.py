"""Staff set VAT rates and food categories on product types in the dashboard."""

from decimal import Decimal as D

import pytest
from django.urls import reverse
from oscar.test.factories import UserFactory

from shop.partner.strategy import UKStrategy
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    factories.sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_change_a_product_types_vat_rate_and_prices_follow(staff_client):
    klass = factories.product_class("Kit or equipment", "20", "")
    item = factories.product("Fermenting jar", "12.00", klass=klass)
    url = reverse("dashboard:catalogue-class-update", kwargs={"pk": klass.pk})

    form = staff_client.get(url).content.decode()
    response = staff_client.post(
        url,
        {
            "name": klass.name,
            "requires_shipping": "on",
            "track_stock": "on",
            "vat_rate": "5",
            "food_kind": "",
            "attributes-TOTAL_FORMS": "0",
            "attributes-INITIAL_FORMS": "0",
        },
    )

    assert 'name="vat_rate"' in form and 'name="food_kind"' in form
    assert response.status_code == 302
    item.refresh_from_db()
    assert UKStrategy().fetch_for_product(item).price.tax == D("0.57")  # 12.00 x 5/105


def test_a_vat_rate_above_100_percent_is_refused(staff_client):
    klass = factories.product_class("Kit or equipment", "20", "")
    url = reverse("dashboard:catalogue-class-update", kwargs={"pk": klass.pk})

    response = staff_client.post(
        url,
        {
            "name": klass.name,
            "vat_rate": "120",
            "attributes-TOTAL_FORMS": "0",
            "attributes-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    assert "less than or equal to 100" in response.content.decode()
    klass.refresh_from_db()
    assert klass.vat_rate == D("20")
