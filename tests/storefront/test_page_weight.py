"""What a first visit downloads (issue 20's budget: under 300 KB, Lighthouse mobile
performance 0.95): pages compressed, Oscar's stylesheet cut to what we use, and htmx
only on the pages whose markup needs it."""

import gzip

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    factories.delivery_methods()
    return factories.product("Goat's Milk Kefir", "4.49")


def test_pages_are_compressed_for_browsers_that_accept_it(client, product):
    response = client.get(product.get_absolute_url(), headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert "Goat&#x27;s Milk Kefir" in html or "Goat's Milk Kefir" in html
    assert len(response.content) < len(html.encode()) / 3


def test_pages_load_the_cut_stylesheet_not_oscars_whole_one(client, product):
    html = client.get(product.get_absolute_url()).content.decode()

    assert "shop/css/base" in html
    assert "oscar/css/styles" not in html


@pytest.mark.parametrize("name", ["home", "catalogue:index", "basket:summary", "blog:list"])
def test_htmx_is_not_loaded_up_front_where_no_markup_uses_it(client, product, name):
    html = client.get(reverse(name)).content.decode()

    assert 'src="/static/django_htmx/htmx-2.min.js"></script>' not in html
    assert 'data-htmx-src="/static/django_htmx/htmx-2.min.js"' in html  # the chat's, on demand


def test_the_chat_page_loads_htmx_for_its_own_markup(client):
    html = client.get(reverse("chat:index")).content.decode()

    assert 'src="/static/django_htmx/htmx-2.min.js"></script>' in html
