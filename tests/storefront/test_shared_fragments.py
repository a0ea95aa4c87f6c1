"""The layout's shared parts (promise strip, menu, footer links, the business's details) are
rendered once per content version, then read back in one cache read on every page."""

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory

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


def test_a_rendered_page_reads_its_shared_parts_back_instead_of_querying(
    catalogue, django_assert_max_num_queries, django_assert_num_queries
):
    Client().get("/basket/")  # renders and stores the shared parts
    with django_assert_num_queries(0):
        _, stored = shared_fragments.stored_fragments(RequestFactory().get("/"))
    assert set(stored) == set(shared_fragments.FRAGMENTS)

    with django_assert_max_num_queries(2) as queries:  # 6 with every part rendered
        page = Client().get("/basket/")

    assert page.status_code == 200
    assert not any("storefront_storepromise" in q["sql"] for q in queries.captured_queries)
    assert "Kefir" in page.content.decode() and "Terms of sale" in page.content.decode()


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
