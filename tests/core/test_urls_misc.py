"""Small site-wide URLs."""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_ico_points_browsers_at_the_shop_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"].endswith("shop/img/favicon.svg")
