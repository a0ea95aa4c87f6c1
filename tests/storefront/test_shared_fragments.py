"""The layout's shared parts (promise strip, menu, footer links, the business's details) are
rendered once per content version, then read back in one cache read on every page."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from shop.storefront.templatetags import shared_fragments
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fragments_on(settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 60


@pytest.fixture
def catalogue():
    factories.delivery_methods()
    return factories.catalogue(3)


def queries_for(path: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert Client().get(path).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_a_rendered_page_reads_its_shared_parts_back_instead_of_querying(catalogue, settings):
    settings.SHOP_PAGE_CACHE_SECONDS = 0
    Client().get("/basket/")
    every_part_rendered = queries_for("/basket/")
    settings.SHOP_PAGE_CACHE_SECONDS = 60
    Client().get("/basket/")  # renders and stores the shared parts

    shared = queries_for("/basket/")

    _, stored = shared_fragments.stored_fragments(RequestFactory().get("/"))
    assert set(stored) == set(shared_fragments.FRAGMENTS)
    assert len(shared) <= len(every_part_rendered) - 5  # promises, hours, methods, menu, trader
    assert not any("storefront_storepromise" in sql for sql in shared)
    page = Client().get("/basket/").content.decode()
    assert "Kefir" in page and "Terms of sale" in page


def test_a_renamed_product_line_shows_at_once_in_the_menu(catalogue):
    Client().get("/basket/")
    kefir = catalogue["kefir"]
    kefir.name = "Cultured drinks"
    kefir.save()

    assert "Cultured drinks" in Client().get("/basket/").content.decode()


def test_a_part_with_a_form_or_a_personal_part_is_never_shared(catalogue):
    request = RequestFactory().get("/")
    for body in ("{% csrf_token %}", "<!--personal:basket-->x<!--/personal-->"):
        template = Template(
            '{% load shared_fragments %}{% shared "site-nav" %}' + body + "{% endshared %}"
        )
        template.render(Context({"request": request, "csrf_token": "a" * 64}))

        assert cache.get(shared_fragments.key("site-nav")) is None


def test_an_unknown_part_name_is_refused_when_the_template_loads():
    with pytest.raises(TemplateSyntaxError):
        Template('{% load shared_fragments %}{% shared "anything" %}x{% endshared %}')


def test_shared_parts_are_kept_from_the_first_rendered_page_after_the_cache_is_emptied(catalogue):
    cache.clear()  # a new or flushed cache: no content version yet

    Client().get("/basket/")

    _, stored = shared_fragments.stored_fragments(RequestFactory().get("/"))
    assert set(stored) == set(shared_fragments.FRAGMENTS)
