"""A shopper who hits a dead link or our own failure gets the store, words that help and
a way on: not Django's bare "Not Found" or Oscar's page with an inline script."""

import pytest
from django.template.loader import render_to_string

from tests.pages import text_of

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_404_in_the_stores_frame_with_a_search(client):
    response = client.get("/kefir-that-never-was/")

    assert response.status_code == 404
    text = text_of(response)
    assert "We can't find that page" in text
    assert "Nothing in your basket has changed." in text
    html = response.content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert 'id="main"' in html  # the layout's landmark, header and footer


def test_the_server_error_page_stands_alone_and_says_what_to_do():
    html = render_to_string("500.html")  # Django renders it with no request or context

    assert "<main>" in html and "Something went wrong on our side" in html
    assert "check your e-mail for a confirmation" in html
    assert "onclick" not in html and "<script" not in html
