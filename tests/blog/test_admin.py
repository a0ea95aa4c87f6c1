"""Marketing writes articles in the admin: citations checked, revisions kept and restorable."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from blog.models import Article, Author
from blog.revisions import save_revision
from shop import roles
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

INLINES = ["takeaways", "sections", "references", "faq_links", "product_links"]


@pytest.fixture
def marketer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    return client


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "seagreen").save(buffer, format="PNG")
    return SimpleUploadedFile("hero.png", buffer.getvalue(), content_type="image/png")


def article_form(author, *, sections=(), references=(), products=(), **fields) -> dict:
    data = {
        "title": "Kefir and calm",
        "slug": "kefir-and-calm",
        "summary": "What kefir can do.",
        "author": author.pk,
        "status": Article.Status.DRAFT,
        "publish_at_0": "",
        "publish_at_1": "",
        "disclaimer": "",
        "seo_title": "",
        "seo_description": "",
        "hero_alt": "",
        **fields,
    }
    rows = {
        "sections": [
            {"position": n, "heading": h, "anchor": "", "body": b}
            for n, (h, b) in enumerate(sections, 1)
        ],
        "references": [{"number": n, **r} for n, r in enumerate(references, 1)],
        "product_links": [{"position": n, "product": p.pk} for n, p in enumerate(products, 1)],
    }
    for prefix in INLINES:
        forms = rows.get(prefix, [])
        data[f"{prefix}-TOTAL_FORMS"] = len(forms)
        data[f"{prefix}-INITIAL_FORMS"] = 0
        for index, form in enumerate(forms):
            for key, value in form.items():
                data[f"{prefix}-{index}-{key}"] = value
    return data


def test_a_marketer_writes_an_article_with_parts_and_a_revision_is_kept(marketer):
    author = Author.objects.create(name="kēpos Science Team", slug="team")
    product = factories.product("kēpos 30-day", "39.99")

    response = marketer.post(
        reverse("admin:blog_article_add"),
        article_form(
            author,
            sections=[("Calm", "<p>Kefir has calcium [1].</p><script>x()</script>")],
            references=[
                {
                    "authors": "Kumar et al.",
                    "title": "Review",
                    "year": 2023,
                    "pmid": "37111321",
                    "doi": "",
                    "url": "",
                    "journal": "",
                }
            ],
            products=[product],
            hero_image=png(),
            hero_alt="Green circles",
        ),
    )

    assert response.status_code == 302, text_of(response)[:2000]
    article = Article.objects.get(slug="kefir-and-calm")
    assert article.sections.get().body == "<p>Kefir has calcium [1].</p>"
    assert article.references.get().pmid == "37111321"
    assert article.product_links.get().product == product
    assert article.revisions.count() == 1


def test_citing_a_missing_reference_is_refused_at_the_section(marketer):
    author = Author.objects.create(name="Team", slug="team")

    response = marketer.post(
        reverse("admin:blog_article_add"),
        article_form(
            author,
            sections=[("Calm", "<p>See [1] and [3].</p>")],
            references=[
                {
                    "authors": "A",
                    "title": "One",
                    "year": 2020,
                    "pmid": "",
                    "doi": "",
                    "url": "",
                    "journal": "",
                }
            ],
        ),
    )

    assert response.status_code == 200
    assert "This section cites [3], but the references are: 1." in response.content.decode()
    assert not Article.objects.exists()


def test_a_malformed_doi_is_refused_at_its_field(marketer):
    author = Author.objects.create(name="Team", slug="team")

    response = marketer.post(
        reverse("admin:blog_article_add"),
        article_form(
            author,
            references=[
                {
                    "authors": "A",
                    "title": "One",
                    "year": 2020,
                    "pmid": "",
                    "doi": "https://doi.org/10.1/x",
                    "url": "",
                    "journal": "",
                }
            ],
        ),
    )

    assert "Enter a DOI like 10.1038/s41598-024-72793-2" in response.content.decode()
    assert not Article.objects.exists()


def test_publishing_needs_a_publish_time(marketer):
    author = Author.objects.create(name="Team", slug="team")

    response = marketer.post(
        reverse("admin:blog_article_add"), article_form(author, status=Article.Status.PUBLISHED)
    )

    assert "Set when the article goes live" in response.content.decode()


def test_restoring_a_revision_brings_back_a_deleted_section(marketer):
    article = factories.article(
        "Restorable", sections=[("Kept", "<p>k [1]</p>"), ("Deleted later", "<p>d</p>")]
    )
    from blog.revisions import save_revision

    first = save_revision(article, note="two sections")
    article.sections.get(heading="Deleted later").delete()
    article.title = "Renamed"
    article.save()
    save_revision(article, note="one section")

    response = marketer.post(
        reverse("admin:blog_article_restore", kwargs={"pk": article.pk, "revision_pk": first.pk})
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Restorable"
    assert [(s.heading, s.anchor) for s in article.sections.all()] == [
        ("Kept", "kept"),
        ("Deleted later", "deleted-later"),
    ]
    assert article.revisions.first().note.startswith("Restored the revision of")


def test_two_revisions_can_be_compared(marketer):
    article = factories.article("Compared", sections=[("Only", "<p>old words</p>")])

    older = save_revision(article)
    section = article.sections.get()
    section.body = "<p>new words</p>"
    section.save()
    newer = save_revision(article)

    response = marketer.get(
        reverse("admin:blog_article_revisions", kwargs={"pk": article.pk}),
        {"older": older.pk, "newer": newer.pk},
    )

    html = response.content.decode()
    assert 'class="diff-removed"' in html and "&lt;p&gt;old words&lt;/p&gt;" in html
    assert 'class="diff-added"' in html and "&lt;p&gt;new words&lt;/p&gt;" in html
    assert "title: Compared" not in html  # unchanged lines are left out


def test_customer_service_can_read_faq_entries_but_not_articles(client):
    factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))

    assert client.get(reverse("admin:faq_faqentry_changelist")).status_code == 200
    assert client.get(reverse("admin:blog_article_changelist")).status_code == 403


def test_hero_renditions_are_made_on_save_not_on_a_visitors_request(marketer, monkeypatch):
    from sorl.thumbnail.base import ThumbnailBackend

    author = Author.objects.create(name="Team", slug="team")
    marketer.post(
        reverse("admin:blog_article_add"),
        article_form(
            author,
            status=Article.Status.PUBLISHED,
            publish_at_0=(timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%d"),
            publish_at_1="09:00:00",
            hero_image=png(),
            hero_alt="Green",
        ),
    )
    article = Article.objects.get()

    def no_generating(*args, **kwargs):
        raise AssertionError("a thumbnail was generated during a page view")

    monkeypatch.setattr(ThumbnailBackend, "_create_thumbnail", no_generating)
    response = marketer.get(article.get_absolute_url())

    assert response.status_code == 200
    assert "1440w" in response.content.decode()


def test_a_new_article_with_ten_sections_and_no_anchors_saves_with_unique_anchors(marketer):
    author = Author.objects.create(name="kēpos Science Team", slug="team")
    headings = [f"Part {n}" for n in range(1, 9)] + ["Summary", "Summary"]  # two alike

    response = marketer.post(
        reverse("admin:blog_article_add"),
        article_form(author, sections=[(h, f"<p>Text of {h}.</p>") for h in headings]),
    )

    assert response.status_code == 302, text_of(response)[:3000]
    anchors = list(Article.objects.get().sections.values_list("anchor", flat=True))
    assert anchors == [f"part-{n}" for n in range(1, 9)] + ["summary", "summary-2"]


def test_an_anchor_typed_twice_is_refused_with_a_clear_message(marketer):
    author = Author.objects.create(name="kēpos Science Team", slug="team")
    data = article_form(author, sections=[("One", "<p>a</p>"), ("Two", "<p>b</p>")])
    data["sections-0-anchor"] = data["sections-1-anchor"] = "same"

    response = marketer.post(reverse("admin:blog_article_add"), data)

    assert response.status_code == 200
    assert not Article.objects.exists()
