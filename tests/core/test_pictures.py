"""A responsive picture is assembled once, then read back from the cache in one read."""

from unittest import mock

import pytest
from django.core.cache import cache

from shop.core import pictures
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    item = factories.product("kēpos 30-day", "39.99")
    return factories.product_image(item).original


def test_picture_is_assembled_once_then_served_from_one_cache_read(image):
    first = pictures.picture(image, (240, 480), square=True)
    pictures.forget()  # as another process would

    with (
        mock.patch.object(pictures, "get_thumbnail") as thumbnailer,
        mock.patch.object(cache, "get", wraps=cache.get) as reads,
    ):
        again = pictures.picture(image, (240, 480), square=True)
        once_more = [pictures.picture(image, (240, 480), square=True) for _ in range(30)]

    assert again == first and set(once_more) == {first}
    assert thumbnailer.call_count == 0
    assert reads.call_count == 1  # the process keeps what it read
    assert first.sources[0].type == "image/avif" and " 480w" in first.sources[0].srcset


def test_picture_cache_tells_apart_widths_and_crops(image):
    square = pictures.picture(image, (240, 480), square=True)
    wide = pictures.picture(image, (240, 480))
    narrow = pictures.picture(image, (240,), square=True)

    assert square.src != wide.src and (square.width, square.height) == (480, 480)
    assert narrow.width == 240 and " 480w" not in narrow.srcset


def test_picture_of_no_image_is_none():
    assert pictures.picture(None, (240,)) is None
