"""Dragged references are renumbered in order, and the citations follow them."""

import pytest
from django.urls import reverse

from blog.models import Article
from blog.references import rewrite_citations
from shop import roles
from tests import factories
from tests.pages import form_data


@pytest.mark.parametrize(
    ("html", "mapping", "expected"),
    [
        ("<p>See [3].</p>", {3: 1, 1: 2, 2: 3}, "<p>See [1].</p>"),
        ("<p>[1, 2] and [2]</p>", {1: 2, 2: 3}, "<p>[2, 3] and [3]</p>"),
        ("<p>[1–3]</p>", {1: 2, 2: 3, 3: 1}, "<p>[2, 3, 1]</p>"),
        ("<p>[1-3]</p>", {1: 2, 2: 3, 3: 4}, "<p>[2–4]</p>"),
        ("<p>[4] stays, 2024 stays</p>", {1: 2}, "<p>[4] stays, 2024 stays</p>"),
    ],
)
def test_citations_are_rewritten_to_the_new_numbers(html, mapping, expected):
    assert rewrite_citations(html, mapping) == expected


@pytest.fixture
def marketer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    return client


def three_references():
    return factories.article(
        "Cited",
        sections=[("One", "<p>First [1], then [2, 3].</p>"), ("Two", "<p>Last [3].</p>")],
        references=[
            {"title": "Alpha", "pmid": "37657523"},
            {"title": "Beta", "pmid": "37111321"},
            {"title": "Gamma", "pmid": "34205336"},
        ],
    )


@pytest.mark.django_db
def test_dragging_a_reference_to_the_top_renumbers_it_and_its_citations(marketer):
    article = three_references()
    url = reverse("admin:blog_article_change", args=[article.pk])
    data = form_data(marketer.get(url), "article_form")
    # The editor's script after Gamma was dragged to the top: Gamma, Alpha, Beta.
    data |= {"references-0-position": 2, "references-1-position": 3, "references-2-position": 1}
    data["_action"] = ""

    response = marketer.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert list(article.references.values_list("number", "title")) == [
        (1, "Gamma"),
        (2, "Alpha"),
        (3, "Beta"),
    ]
    assert list(article.sections.values_list("body", flat=True)) == [
        "<p>First [2], then [3, 1].</p>",
        "<p>Last [1].</p>",
    ]


@pytest.mark.django_db
def test_a_deleted_reference_leaves_no_gap_and_its_neighbours_move_up(marketer):
    article = three_references()
    article.sections.filter(heading="One").update(body="<p>First [1], then [3].</p>")
    url = reverse("admin:blog_article_change", args=[article.pk])
    data = form_data(marketer.get(url), "article_form")
    data |= {"references-1-DELETE": "on", "_action": ""}  # Beta goes

    response = marketer.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert list(article.references.values_list("number", "title")) == [(1, "Alpha"), (2, "Gamma")]
    assert list(article.sections.values_list("body", flat=True)) == [
        "<p>First [1], then [2].</p>",
        "<p>Last [2].</p>",
    ]


@pytest.mark.django_db
def test_deleting_a_reference_still_cited_is_refused_not_repointed(marketer):
    article = three_references()
    url = reverse("admin:blog_article_change", args=[article.pk])
    data = form_data(marketer.get(url), "article_form")
    data |= {"references-1-DELETE": "on", "_action": ""}  # Beta goes, but "[2, 3]" cites it

    response = marketer.post(url, data)

    assert response.status_code == 200
    assert "This section cites [2], but the references are: 1, 3." in response.content.decode()
    assert Article.objects.get().references.count() == 3
