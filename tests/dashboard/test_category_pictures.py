"""A category's picture is a described lifestyle photograph: staff give its description
beside it, its renditions are made as they save, and shoppers see it at the top of the
category and beside the range on the home page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from shop import roles
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
ALT = "A glass of kefir beside a bottle on a wooden kitchen table"


def photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "wheat").save(buffer, format="JPEG")
    return SimpleUploadedFile("kitchen.jpg", buffer.getvalue(), content_type="image/jpeg")


def category_form(**fields) -> dict:
    return {
        "name": "Kefir", "slug": "", "description": "<p>Live cultured drinks.</p>",
        "is_public": "on", "meta_title": "", "meta_description": "",
        "treebeard_position": "first-child", "treebeard_ref_node": "", **fields,
    }  # fmt: skip


@pytest.fixture
def staff(client):
    factories.sign_in(client, factories.staff_user(roles.MANAGERS))
    return client


def test_a_category_picture_without_a_description_is_refused_and_nothing_is_saved(staff):
    response = staff.post(
        reverse("dashboard:catalogue-category-create"), {**category_form(), "image": photo()}
    )

    assert response.status_code == 200
    assert "Describe the picture for screen readers." in text_of(response)
    assert not Category.objects.exists()


def test_a_described_picture_shows_at_the_top_of_the_category_and_beside_its_range(
    staff, client, monkeypatch
):
    made = []
    monkeypatch.setattr(
        "shop.dashboard.catalogue.views.hero_picture", lambda image: made.append(image.name)
    )
    response = staff.post(
        reverse("dashboard:catalogue-category-create"),
        {**category_form(image_alt=ALT), "image": photo()},
    )
    assert response.status_code == 302, text_of(response)[:2000]
    category = Category.objects.get()
    assert made == [category.image.name]  # renditions made as staff saved it
    factories.product("Goat's Milk Kefir", "4.49").categories.add(category)

    page = client.get(category.get_absolute_url()).content.decode()
    home = client.get(reverse("home")).content.decode()

    assert f'alt="{ALT}"' in page and 'class="category-banner__image"' in page
    assert f'alt="{ALT}"' in home and 'class="product-line__image"' in home
