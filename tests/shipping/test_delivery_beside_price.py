"""Product pages show what delivery adds to the price, from the live rules."""

from decimal import Decimal as D

import pytest
from oscar.core.loading import get_model

from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


@pytest.fixture
def methods():
    return factories.delivery_methods()


def test_product_page_shows_each_methods_charge_and_free_threshold_beside_the_price(
    client, methods
):
    jar = factories.product("Fermenting jar", "14.00")
    text = text_of(client.get(jar.get_absolute_url()))
    assert "+ £4.99 Next Day delivery, FREE on orders of £25 or more" in text
    assert "+ £2.99 Standard delivery, FREE on orders of £25 or more" in text


def test_product_page_says_free_when_the_item_alone_reaches_the_threshold(client, methods):
    capsules = factories.product("kēpos 30-day", "39.99")
    text = text_of(client.get(capsules.get_absolute_url()))
    assert "FREE Next Day delivery" in text
    assert "+ £4.99" not in text


def test_product_page_delivery_follows_a_rule_changed_in_the_dashboard(client, methods):
    jar = factories.product("Fermenting jar", "14.00")
    DeliveryMethod.objects.filter(pk=methods["Next Day"].pk).update(
        price_per_order=D("5.49"), free_shipping_threshold=D("30.00")
    )
    text = text_of(client.get(jar.get_absolute_url()))
    assert "+ £5.49 Next Day delivery, FREE on orders of £30 or more" in text


def test_product_page_leaves_out_methods_not_offered(client, methods):
    jar = factories.product("Fermenting jar", "14.00")
    DeliveryMethod.objects.filter(pk=methods["Standard"].pk).update(is_active=False)
    text = text_of(client.get(jar.get_absolute_url()))
    assert "Standard delivery" not in text
    assert "Next Day delivery, FREE on orders of £25 or more" in text
