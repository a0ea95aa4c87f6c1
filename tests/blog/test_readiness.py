"""Ready to publish? The checks beside the article editor, from what is being written."""

import pytest
from django.urls import reverse

from blog.models import Author
from blog.readiness import Draft, checks, draft_from_post
from shop import roles
from shop.claims.seed import seed
from tests import factories
from tests.blog.test_admin import article_form

pytestmark = pytest.mark.django_db


def by_label(found):
    return {item.label: item for item in found}


def test_a_long_title_and_a_short_description_need_attention():
    found = by_label(checks(Draft(title="T" * 75, summary="Too short.")))

    assert not found["Title length"].ok and "75 characters" in found["Title length"].detail
    assert not found["Description length"].ok


def test_a_hero_without_alt_text_needs_attention_and_no_hero_is_fine():
    assert not by_label(checks(Draft(title="x", has_hero=True)))["Hero image"].ok
    assert by_label(checks(Draft(title="x")))["Hero image"].ok


def test_citations_must_resolve_and_references_must_be_cited():
    draft = Draft(title="x", sections=(("A", "<p>See [1] and [3].</p>"),), references=(1, 2))

    found = by_label(checks(draft))

    assert found["Citations resolved"].detail == "No reference for [3]."
    assert found["References cited"].detail == "Not cited in the text: [2]."


def test_claims_flags_show_in_readiness():
    seed()

    found = by_label(checks(Draft(title="x", summary="Kefir cures colds.")))

    assert not found["Claims check"].ok and "“cures”" in found["Claims check"].detail


def test_links_to_missing_pages_of_this_site_are_found_and_other_sites_not_fetched():
    article = factories.article("Real article")
    body = (
        f'<p><a href="{article.get_absolute_url()}">ok</a> <a href="/blog/no-such-article/">x</a>'
        ' <a href="https://example.org/gone">elsewhere</a> <a href="/not-a-page/">y</a></p>'
    )

    found = by_label(checks(Draft(title="x", sections=(("A", body),), host="testserver")))

    assert found["Links"].detail == "No page at /blog/no-such-article/, /not-a-page/."


def test_the_endpoint_reads_the_editor_as_it_stands(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    author = Author.objects.create(name="Team", slug="team")
    data = article_form(author, sections=[("A", "<p>Cites [1].</p>")])

    response = client.post(reverse("admin:blog_article_readiness"), data)

    found = {c["label"]: c for c in response.json()["checks"]}
    assert found["Citations resolved"]["detail"] == "No reference for [1]."
    assert response.json()["ready"] is False


def test_the_endpoint_is_for_staff_who_write_articles(client):
    response = client.post(reverse("admin:blog_article_readiness"), {})
    factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))
    refused = client.post(reverse("admin:blog_article_readiness"), {})

    assert response.status_code == 302
    assert refused.status_code == 403


def test_the_editor_page_shows_the_checks(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    page = client.get(reverse("admin:blog_article_add")).content.decode()

    assert "Ready to publish?" in page and "Description length" in page


def test_rows_marked_for_deletion_are_left_out():
    data = {
        "sections-TOTAL_FORMS": "2",
        "sections-0-body": "<p>[1]</p>",
        "sections-1-body": "<p>[2]</p>",
        "sections-1-DELETE": "on",
    }

    assert [body for _, body in draft_from_post(data).sections] == ["<p>[1]</p>"]
