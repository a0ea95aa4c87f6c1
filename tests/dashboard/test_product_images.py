"""Every product picture carries a description: it is the alt text shoppers hear."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_class
from PIL import Image

from tests import factories

pytestmark = pytest.mark.django_db

ProductImageForm = get_class("dashboard.catalogue.forms", "ProductImageForm")
ProductImageFormSet = get_class("dashboard.catalogue.formsets", "ProductImageFormSet")


def upload(name="pack.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "seagreen").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def image_form(product, caption):
    data = {
        "images-0-product": product.pk,
        "images-0-caption": caption,
        "images-0-display_order": 0,
    }
    return ProductImageForm(data=data, files={"images-0-original": upload()}, prefix="images-0")


def test_the_dashboards_image_formset_uses_the_form_that_asks_for_a_description():
    assert issubclass(ProductImageFormSet.form, ProductImageForm)


def test_a_picture_without_a_description_is_refused_with_a_reason():
    product = factories.product("Goat's milk kefir", "7.99")

    form = image_form(product, caption="  ")

    assert not form.is_valid()
    assert form.errors["caption"] == ["Describe the picture for shoppers who can't see it."]


def test_a_described_picture_is_accepted():
    product = factories.product("Goat's milk kefir", "7.99")

    form = image_form(product, caption="A bottle of goat's milk kefir on a kitchen table")

    assert form.is_valid(), form.errors
    assert form.fields["caption"].label == "Description (alt text)"
