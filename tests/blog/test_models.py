"""Article rules: citations, scheduling and visibility, anchors, and sanitised rich text."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from blog.models import Article, Reference, Section, cited_numbers
from shop.faq.models import FAQCategory, FAQEntry
from tests import factories

pytestmark = pytest.mark.django_db

XSS_CORPUS = [
    '<script>alert("x")</script><p>safe</p>',
    "<img src=x onerror=alert(1)><p>safe</p>",
    '<p><a href="javascript:alert(1)">link</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">link</a></p>',
    '<svg onload=alert(1)><circle r="9"/></svg><p>safe</p>',
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<iframe src="https://evil.example"></iframe><p>safe</p>',
    '<p onclick="alert(1)">click</p>',
    '<a href="https://kepos.example" target="_blank" onmouseover="x()">ok</a>',
]
DANGEROUS = [
    "<script",
    "onerror",
    "javascript:",
    "data:text",
    "<svg",
    "style=",
    "<iframe",
    "onclick",
    "onmouseover",
    "onload",
]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("<p>One [1] and two [2].</p>", {1, 2}),
        ("<p>Both [1, 3].</p>", {1, 3}),
        ("<p>A range [2–4] and [6-7].</p>", {2, 3, 4, 6, 7}),
        ("<p>No citations, but [sic] and a [link].</p>", set()),
    ],
)
def test_citations_are_read_from_text(text, numbers):
    assert cited_numbers(text) == numbers


@pytest.mark.parametrize("payload", XSS_CORPUS)
def test_rich_text_is_sanitised_on_save_whatever_the_source(payload):
    article = factories.article()
    section = Section.objects.create(article=article, heading="Attack", body=payload)
    entry = FAQEntry.objects.create(
        question="Q?", answer=payload, category=FAQCategory.objects.create(name="C", slug="c")
    )

    for html in (section.body, entry.answer):
        lowered = html.lower()
        assert not any(danger in lowered for danger in DANGEROUS), html


def test_allowed_formatting_survives_sanitising():
    html = (
        '<h3>Sub</h3><p><strong>b</strong> <em>i</em> <a href="https://x.example">l</a> '
        '<a href="mailto:a@b.example">m</a></p><ul><li>x</li></ul><blockquote><p>q</p>'
        "</blockquote><table><tbody><tr><td>c</td></tr></tbody></table>"
    )
    section = Section.objects.create(article=factories.article(), heading="Fine", body=html)

    for tag in (
        "<h3>",
        "<strong>",
        "<em>",
        'href="https://x.example"',
        'href="mailto:a@b.example"',
        "<ul>",
        "<blockquote>",
        "<table>",
    ):
        assert tag in section.body


def test_visibility_is_a_query_over_status_and_time():
    now = timezone.now()
    draft = factories.article("Draft", status=Article.Status.DRAFT, publish_at=None)
    future = factories.article("Future", publish_at=now + timedelta(days=1))
    live = factories.article("Live")
    archived = factories.article("Old", status=Article.Status.ARCHIVED)

    assert set(Article.objects.published()) == {live}
    assert set(Article.objects.visible()) == {live, archived}
    assert future.is_scheduled and future.state == "Scheduled"
    assert set(Article.objects.published(now=now + timedelta(days=2))) == {live, future}
    assert draft.state == "Draft"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": Article.Status.PUBLISHED, "publish_at": None}, "publish_at"),
        ({"hero_image": "blog/x.png", "hero_alt": ""}, "hero_alt"),
        ({"last_reviewed_on": timezone.now().date(), "reviewed_by": None}, "reviewed_by"),
    ],
)
def test_article_rules_name_the_field_to_fix(changes, field):
    article = factories.article()
    for name, value in changes.items():
        setattr(article, name, value)

    with pytest.raises(ValidationError) as error:
        article.full_clean()

    assert field in error.value.message_dict


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("doi", "doi.org/10.1038/x", "Enter a DOI like"),
        ("doi", "10.12/short", "Enter a DOI like"),
        ("pmid", "PMID37657523", "digits only"),
        ("pmid", "0123", "digits only"),
    ],
)
def test_malformed_doi_and_pmid_are_refused_at_the_field(field, value, message):
    reference = Reference(article=factories.article(), number=9, title="T", **{field: value})

    with pytest.raises(ValidationError) as error:
        reference.full_clean()

    assert message in " ".join(error.value.message_dict[field])


def test_reference_links_go_to_pubmed_and_doi_org():
    reference = Reference(pmid="37657523", doi="10.1038/s41598-024-72793-2")

    assert reference.pubmed_url == "https://pubmed.ncbi.nlm.nih.gov/37657523/"
    assert reference.doi_url == "https://doi.org/10.1038/s41598-024-72793-2"


def test_section_anchors_are_unique_and_survive_a_heading_change():
    article = factories.article(
        sections=[("What it does", "<p>a</p>"), ("What it does", "<p>b</p>")]
    )
    first, second = article.sections.all()

    first.heading = "A new heading"
    first.save()

    assert (first.anchor, second.anchor) == ("what-it-does", "what-it-does-2")
