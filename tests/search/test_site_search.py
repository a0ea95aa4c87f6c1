"""One search for the whole site: products, articles and FAQ answers, on either database.

Matching runs on SQLite and PostgreSQL alike; ranking and typo tolerance are
PostgreSQL's (marker ``postgres``).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from blog.models import Article
from shop.search.backends import Query, search_backend
from shop.search.snippets import highlight
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

SEARCH = "/search/"


@pytest.fixture
def site():
    factories.delivery_methods()
    goat = factories.product(
        "Goat's Milk Kefir", "3.49", description="<p>Fermented slowly with live cultures.</p>"
    )
    kepos = factories.product(
        "kēpos daily gut health", "39.99", description="<p>HMOs with lactoferrin.</p>"
    )
    ginger = factories.product(
        "Water Kefir, Ginger & Lemon", "2.99", description="<p>Sparkling and dairy-free.</p>"
    )
    factories.product("Secret Kefir", "1.00", is_public=False, description="Fermented.")
    article = factories.article(
        "Why kefir fizzes",
        summary="Kefir ferments in the bottle.",
        sections=[("Yeasts at work", "<p>Yeasts make carbon dioxide in sealed bottles.</p>")],
    )
    factories.article("Draft about kefir", status=Article.Status.DRAFT)
    factories.article("Future kefir", publish_at=timezone.now() + timedelta(days=2))
    faq = factories.faq_entry("How long does kefir last?", "<p>45 days unopened.</p>")
    factories.faq_entry("Old kefir question?", "<p>Retired.</p>", is_visible=False)
    return {"goat": goat, "kepos": kepos, "ginger": ginger, "article": article, "faq": faq}


def found(query: str) -> dict[str, list[str]]:
    backend, parsed = search_backend(), Query.parse(query)
    return {
        "products": [p.title for p in backend.products(parsed)],
        "articles": [a.title for a in backend.articles(parsed)],
        "questions": [q.question for q in backend.questions(parsed)],
    }


def test_results_are_grouped_with_counts(client, site):
    response = client.get(SEARCH, {"q": "kefir"})

    text = text_of(response)
    assert "2 products, 1 article, 1 question." in text
    assert "Products 2" in text and "Articles 1" in text and "Questions 1" in text
    assert "Goat's Milk Kefir" in text and "£3.49" in text  # price on the product card
    assert "Why kefir fizzes" in text and "How long does kefir last?" in text


def test_stemming_finds_other_forms_of_a_word(site):
    results = found("ferments")

    assert results["products"] == ["Goat's Milk Kefir"]  # "fermented"
    assert results["articles"] == ["Why kefir fizzes"]


def test_words_in_an_article_body_count(site):
    assert found("carbon dioxide")["articles"] == ["Why kefir fizzes"]


def test_a_phrase_with_punctuation(site):
    assert found("Water kefir, ginger & lemon!")["products"] == ["Water Kefir, Ginger & Lemon"]
    assert found("how long does kefir last?")["questions"] == ["How long does kefir last?"]


@pytest.mark.parametrize("spelling", ["kēpos", "kepos", "KEPOS"])
def test_accents_and_case_do_not_matter(site, spelling):
    assert found(spelling)["products"] == ["kēpos daily gut health"]


def test_every_word_must_match(site):
    assert found("kefir lactoferrin") == {"products": [], "articles": [], "questions": []}


def test_only_what_a_visitor_may_see(site):
    results = found("kefir")

    assert "Secret Kefir" not in results["products"]
    assert results["articles"] == ["Why kefir fizzes"]  # no draft, nothing scheduled
    assert results["questions"] == ["How long does kefir last?"]


def test_sizes_are_found_through_their_product(site):
    parent = factories.parent_with_sizes("Goat's Milk Kefir Course", {"2 weeks": ("24.00", {})})

    assert found("course")["products"] == [parent.title]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        "'; DROP TABLE catalogue_product; --",
        "%_\\",
        "<script>alert(1)</script>",
        '"unbalanced',
        "kefir & | ! ( ) :*",
    ],
)
def test_any_query_gets_a_page_and_is_escaped(client, site, query):
    response = client.get(SEARCH, {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_an_empty_query_invites_a_search_and_suggests_where_to_go(client, site):
    factories.category("Kefir")

    text = text_of(client.get(SEARCH))

    assert "Type what you are looking for" in text
    assert "Browse the shop Kefir" in text
    assert "From the science blog Why kefir fizzes" in text


def test_no_results_says_so_and_suggests_categories_and_articles(client, site):
    factories.category("Kefir")

    text = text_of(client.get(SEARCH, {"q": "zeppelin"}))

    assert "Nothing matches “zeppelin”." in text
    assert "Browse the shop Kefir" in text and "Why kefir fizzes" in text


def test_snippets_highlight_the_words_and_escape_the_text(client, site):
    factories.faq_entry("Is it <safe>?", "<p>Kefir &amp; kēpos: &lt;b&gt; stays text.</p>")

    page = client.get(SEARCH, {"q": "kefir"}).content.decode()

    assert "<mark>Kefir</mark> ferments in the bottle." in page
    assert "<mark>Kefir</mark> &amp; kēpos: &lt;b&gt; stays text." in page
    assert "Is it &lt;safe&gt;?" in page


def test_a_group_has_its_own_pages(client):
    for n in range(30):
        factories.product(f"Kefir {n:02d}", "1.00")

    overview = client.get(SEARCH, {"q": "kefir"})
    first = client.get(SEARCH, {"q": "kefir", "group": "products"})
    second = client.get(SEARCH, {"q": "kefir", "group": "products", "page": 2})

    assert "See all 30 products" in text_of(overview)
    assert "Page 1 of 2" in text_of(first) and "Page 2 of 2" in text_of(second)
    assert text_of(second).count("Kefir ") >= 6
    assert client.get(SEARCH, {"q": "kefir", "group": "products", "page": 99}).status_code == 200


def test_haystack_search_addresses_redirect_to_the_new_page(client):
    response = client.get(SEARCH, {"q": "kefir", "selected_facets": "price_exact:0 to 20"})

    assert response.status_code == 301
    assert response["Location"] == f"{SEARCH}?q=kefir"


def test_the_header_box_searches_the_whole_site(client, site):
    page = client.get("/").content.decode()

    assert 'action="/search/" role="search"' in page
    assert 'value="kefir"' in client.get(SEARCH, {"q": "kefir"}).content.decode()


def test_results_page_query_count_does_not_grow(client, queries_do_not_grow):
    factories.delivery_methods()
    made = []

    def grow(size):
        for n in range(len(made), size):
            factories.product(f"Kefir {n}", "1.00")
            factories.article(f"Kefir article {n}", sections=[("On kefir", "<p>Kefir.</p>")])
            made.append(factories.faq_entry(f"Kefir question {n}?", "<p>Spend {threshold}.</p>"))

    # products: count, page, stock records, images, sizes; articles: count, page,
    # sections; questions: one; delivery methods (answers and strip), promises, chat
    # hours (strip), menu: 13
    url = reverse("search:search") + "?q=kefir"
    queries_do_not_grow(lambda: client.get(url), grow, ceiling=18)


@pytest.mark.postgres
def test_title_matches_rank_above_body_matches():
    factories.product("Plain", "1.00", description="<p>Made with lactoferrin.</p>")
    factories.product("Lactoferrin powder", "1.00", description="<p>Plain.</p>")

    assert found("lactoferrin")["products"] == ["Lactoferrin powder", "Plain"]


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("typo", "meant"), [("lactoferin", "kēpos daily gut health"), ("keffir", "Goat's Milk Kefir")]
)
def test_typos_still_find_the_product(site, typo, meant):
    assert meant in found(typo)["products"]


@pytest.mark.postgres
def test_searches_use_the_migrations_indexes():
    from django.contrib.postgres.search import SearchQuery
    from oscar.core.loading import get_model

    from blog.models import Section
    from shop.faq.models import FAQEntry
    from shop.search.backends import CONFIG, PostgresSearch

    vector = PostgresSearch._vector
    query = SearchQuery("fermented", config=CONFIG, search_type="websearch")
    cases = [
        (
            get_model("catalogue", "Product"),
            [("title", "A"), ("meta_description", "B"), ("description", "C")],
            "search_product_text",
        ),
        (Article, [("title", "A"), ("summary", "B")], "search_article_text"),
        (Section, [("heading", "B"), ("body", "C")], "search_section_text"),
        (FAQEntry, [("question", "A"), ("answer", "B")], "search_faqentry_text"),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    for model, fields, index in cases:
        plan = model.objects.annotate(document=vector(*fields)).filter(document=query).explain()
        assert index in plan, plan


@given(text=st.text(max_size=300), words=st.lists(st.text(min_size=1, max_size=12), max_size=4))
def test_snippets_never_let_markup_through(text, words):
    html = str(highlight(text, tuple(Query.parse(" ".join(words)).words)))

    assert "<" not in html.replace("<mark>", "").replace("</mark>", "")


@given(query=st.text(max_size=400))
@hyp_settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=25)
def test_any_typed_query_is_answered(client, query):
    response = client.get(SEARCH, {"q": query})

    # A NUL byte is refused everywhere, with a page saying so (shop.core.middleware).
    assert response.status_code == (400 if "\x00" in query else 200)
