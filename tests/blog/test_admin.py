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
        "_action": "draft",  # the button pressed (blog.publishing)
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


def test_save_draft_keeps_the_article_off_the_site(marketer, client):
    author = Author.objects.create(name="Team", slug="team")

    response = marketer.post(reverse("admin:blog_article_add"), article_form(author), follow=True)

    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert "was saved as a draft" in text_of(response)
    assert "Draft: only staff can see it." in text_of(response)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_publish_now_puts_the_article_live_at_once(marketer, client):
    author = Author.objects.create(name="Team", slug="team")

    marketer.post(reverse("admin:blog_article_add"), article_form(author, _action="publish"))

    article = Article.objects.get()
    assert article.status == Article.Status.PUBLISHED
    assert timezone.now() - article.publish_at < timedelta(minutes=1)
    assert client.get(article.get_absolute_url()).status_code == 200


def test_schedule_sets_a_future_time_and_refuses_a_missing_or_past_one(marketer):
    author = Author.objects.create(name="Team", slug="team")
    url = reverse("admin:blog_article_add")
    later = timezone.localtime() + timedelta(days=2)

    missing = marketer.post(url, article_form(author, _action="schedule"))
    past = marketer.post(
        url, article_form(author, _action="schedule", schedule_at="2020-01-01T09:00")
    )
    scheduled = marketer.post(
        url,
        article_form(author, _action="schedule", schedule_at=later.strftime("%Y-%m-%dT%H:%M")),
        follow=True,
    )

    assert "Choose the date and time to publish it." in text_of(missing)
    assert "Choose a time in the future, or Publish now." in text_of(past)
    article = Article.objects.get()
    assert article.is_scheduled
    assert f"goes live on {later:%-d %b %Y, %H:%M}" in text_of(scheduled)


def test_preview_saves_and_opens_the_preview(marketer):
    author = Author.objects.create(name="Team", slug="team")

    response = marketer.post(
        reverse("admin:blog_article_add"), article_form(author, _action="preview")
    )

    article = Article.objects.get()
    assert response["Location"] == reverse("blog:preview", kwargs={"pk": article.pk})
    assert article.status == Article.Status.DRAFT


def test_a_live_article_goes_back_to_draft_with_one_button(marketer):
    author = Author.objects.create(name="Team", slug="team")
    marketer.post(reverse("admin:blog_article_add"), article_form(author, _action="publish"))
    article = Article.objects.get()
    change = reverse("admin:blog_article_change", args=[article.pk])

    page = marketer.get(change).content.decode()
    marketer.post(change, article_form(author, _action="unpublish"))

    assert 'value="unpublish"' in page and 'value="draft"' not in page
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


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
            _action="publish",
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


def test_rows_are_numbered_in_order_without_anyone_typing_positions(marketer):
    author = Author.objects.create(name="Team", slug="team")
    data = article_form(author, sections=[(f"Part {n}", "<p>x</p>") for n in range(1, 11)])
    for index in range(10):
        data[f"sections-{index}-position"] = ""  # as the editor posts them without JavaScript
    data |= {"takeaways-TOTAL_FORMS": 3, "takeaways-INITIAL_FORMS": 0}
    for index, text in enumerate(["First", "Second", "Third"]):
        data |= {f"takeaways-{index}-text": text, f"takeaways-{index}-position": ""}

    marketer.post(reverse("admin:blog_article_add"), data)

    article = Article.objects.get()
    assert list(article.sections.values_list("position", "heading")) == [
        (n, f"Part {n}") for n in range(1, 11)
    ]
    assert list(article.takeaways.values_list("position", "text")) == [
        (1, "First"),
        (2, "Second"),
        (3, "Third"),
    ]


def test_dragged_rows_keep_the_order_they_were_dropped_in(marketer):
    author = Author.objects.create(name="Team", slug="team")
    data = article_form(author, sections=[("A", "<p>a</p>"), ("B", "<p>b</p>"), ("C", "<p>c</p>")])
    # After a drag the editor's script renumbers the hidden boxes: C first, then A, then B.
    data |= {"sections-0-position": 2, "sections-1-position": 3, "sections-2-position": 1}

    marketer.post(reverse("admin:blog_article_add"), data)

    sections = Article.objects.get().sections.all()
    assert [(s.position, s.heading) for s in sections] == [(1, "C"), (2, "A"), (3, "B")]


def test_the_editor_shows_the_site_wide_disclaimer_and_no_status_box(marketer):
    page = marketer.get(reverse("admin:blog_article_add")).content.decode()

    assert "Left empty, the article shows the site-wide wording" in page
    assert 'name="status"' not in page and 'name="publish_at_0"' not in page
    assert "Save draft" in page and "Publish now" in page and "Schedule…" in page


def test_the_product_picker_lists_products_not_sizes_with_their_price(marketer):
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})}
    )
    factories.product("Kefir grains", "14.99")

    response = marketer.get(
        "/admin/autocomplete/",
        {
            "term": "kefir",
            "app_label": "blog",
            "model_name": "articleproduct",
            "field_name": "product",
        },
    )

    texts = sorted(result["text"] for result in response.json()["results"])
    assert texts == ["Goat's Milk Kefir, from £4.49, 2 sizes", "Kefir grains, £14.99"]
    assert str(kefir.pk) in [result["id"] for result in response.json()["results"]]


def test_other_autocompletes_answer_as_before(marketer):
    from shop.faq.models import FAQCategory, FAQEntry

    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    FAQEntry.objects.create(question="Is kefir fizzy?", slug="fizzy", answer="x", category=category)

    response = marketer.get(
        "/admin/autocomplete/",
        {"term": "fizzy", "app_label": "blog", "model_name": "articlefaq", "field_name": "entry"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Is kefir fizzy?"]


def test_the_product_picker_is_for_staff_only(client):
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "blog", "model_name": "articleproduct", "field_name": "product"},
    )

    assert response.status_code == 302 and "/login/" in response["Location"]


def faq_rows(data: dict, rows: list[dict]) -> dict:
    data |= {"faq_links-TOTAL_FORMS": len(rows), "faq_links-INITIAL_FORMS": 0}
    for index, row in enumerate(rows):
        data |= {f"faq_links-{index}-{key}": value for key, value in row.items()}
    return data


def test_a_marketer_writes_the_articles_faq_questions_inside_the_article(marketer):
    from shop.faq.models import FAQCategory, FAQEntry

    author = Author.objects.create(name="Team", slug="team")
    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    existing = FAQEntry.objects.create(
        question="Is kefir fizzy?", slug="is-kefir-fizzy", answer="<p>Yes.</p>", category=category
    )
    new = [
        {
            "new_question": f"Question {n}?",
            "new_answer": f"Answer {n}.",
            "new_category": category.pk,
        }
        for n in range(1, 5)
    ]
    data = faq_rows(article_form(author), [{"entry": existing.pk}, *new])

    response = marketer.post(reverse("admin:blog_article_add"), data)

    assert response.status_code == 302, text_of(response)[:2000]
    links = Article.objects.get().faq_links.select_related("entry")
    assert [(link.position, link.entry.question) for link in links] == [
        (1, "Is kefir fizzy?"),
        *[(n + 1, f"Question {n}?") for n in range(1, 5)],
    ]
    new_entry = FAQEntry.objects.get(question="Question 1?")
    assert "Answer 1." in new_entry.answer and new_entry.is_visible


def test_a_half_written_faq_question_is_refused_and_nothing_is_saved(marketer):
    from shop.faq.models import FAQCategory, FAQEntry

    author = Author.objects.create(name="Team", slug="team")
    category = FAQCategory.objects.create(name="Kefir", slug="kefir")
    data = faq_rows(
        article_form(author),
        [
            {"new_question": "Whole?", "new_answer": "Yes.", "new_category": category.pk},
            {"new_question": "No answer?", "new_category": category.pk},
        ],
    )

    response = marketer.post(reverse("admin:blog_article_add"), data)

    assert response.status_code == 200
    assert "write a question and its answer" in text_of(response)
    assert not Article.objects.exists() and not FAQEntry.objects.exists()
