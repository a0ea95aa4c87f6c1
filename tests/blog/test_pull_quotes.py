"""A section's pull quote: a sentence the section already says, set large beside it."""

import pytest
from django.urls import reverse

from blog.models import Article, Author
from shop import roles
from tests import factories
from tests.blog.test_admin import article_form
from tests.pages import text_of

pytestmark = pytest.mark.django_db

BODY = (
    "<p>Kefir grains are small clusters of bacteria and yeasts [1]. They turn milk into a "
    "tangy, fizzy drink overnight.</p><p>Keep them in fresh milk and they’ll last for years.</p>"
)


@pytest.fixture
def marketer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    return client


def ten_sections(quote: str) -> dict:
    author = Author.objects.create(name="kēpos Science Team", slug="team")
    data = article_form(
        author,
        sections=[(f"Part {n}", BODY) for n in range(1, 11)],
        references=[{"authors": "A", "title": "Grains", "year": 2020, "pmid": "", "doi": "",
                     "url": "", "journal": ""}],
    )  # fmt: skip
    data["sections-6-pull_quote"] = quote
    return data


def test_a_sentence_copied_from_the_section_is_kept_and_shown_once_to_screen_readers(
    marketer, client
):
    quote = "Kefir grains are small clusters of bacteria and yeasts."  # its [1] left out
    data = ten_sections(quote)
    data.update(_action="publish", hero_alt="")

    response = marketer.post(reverse("admin:blog_article_add"), data)

    assert response.status_code == 302, text_of(response)[:2000]
    article = Article.objects.get()
    assert article.sections.get(heading="Part 7").pull_quote == quote
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.count('class="pull-quote" aria-hidden="true"') == 1
    assert f"<p>{quote}</p></blockquote>" in html


@pytest.mark.parametrize(
    "quote",
    [
        "Kefir grains cure anxiety.",  # words the section never says
        "Keep them in fresh milk and they will last for ever.",  # a sentence, altered
    ],
)
def test_a_pull_quote_the_section_does_not_say_is_refused_and_nothing_is_saved(marketer, quote):
    response = marketer.post(reverse("admin:blog_article_add"), ten_sections(quote))

    assert response.status_code == 200
    assert "Copy a sentence from this section's text, word for word." in text_of(response)
    assert not Article.objects.exists()


def test_a_pull_quote_is_text_not_markup(marketer, client):
    body = "<p>Use a plastic sieve &lt;script&gt; never metal.</p>"
    author = Author.objects.create(name="kēpos Science Team", slug="team")
    data = article_form(author, sections=[("Sieves", body)], _action="publish")
    data["sections-0-pull_quote"] = "Use a plastic sieve <script> never metal."

    marketer.post(reverse("admin:blog_article_add"), data)

    html = client.get(Article.objects.get().get_absolute_url()).content.decode()
    assert "<p>Use a plastic sieve &lt;script&gt; never metal.</p></blockquote>" in html
