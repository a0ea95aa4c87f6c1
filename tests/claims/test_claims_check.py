"""The claims checker on phrases written for these tests, the live check editors see,
and the Manager's sign-off needed to publish with flags left."""

import json

import pytest
from django.urls import reverse

from blog.models import Article, Author, Revision
from shop import roles
from shop.claims.checker import check
from shop.claims.models import AuthorisedClaim, ClaimRule, ClaimSignOff
from shop.claims.seed import seed
from shop.faq.models import FAQCategory, FAQEntry
from tests import factories
from tests.blog.test_admin import article_form
from tests.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def claims_lists():
    seed()  # the lists every environment starts with (a transactional test may flush them)


def found(flags, kind=None):
    return [flag.found.lower() for flag in flags if kind is None or flag.kind == kind]


def test_claims_check_flags_disease_wording_in_each_of_its_forms():
    flags = check([("Body", "Kefir cures colds, cured my cough and prevents flu.")])

    assert found(flags, "forbidden") == ["cures", "cured", "prevents"]
    assert all(flag.needs_sign_off for flag in flags)


def test_claims_check_matches_whole_words_only():
    text = "A secure, healthy habit: our preventative-free treatment-free ritual is a treat."

    assert found(check([("Body", "Secure and healthy, from a healthcare team.")])) == []
    assert "treat" in found(check([("Body", text)]))  # the word itself still is


def test_claims_check_flags_immunity_boosting_with_words_between():
    flags = check([("Body", "One bottle boosts your immunity. It will boost immune health.")])

    assert found(flags, "forbidden") == ["boosts your immunity", "boost immune"]


def test_claims_check_clinically_proven_needs_a_citation_in_the_same_sentence():
    cited = check([("Section 1", "The blend is clinically proven [2] to be well tolerated.")])
    uncited = check([("Section 1", "It is clinically proven. Read more [2].")])

    assert found(cited) == []
    assert found(uncited, "reference") == ["clinically proven"]


def test_claims_check_general_benefit_needs_an_authorised_claim_alongside():
    alone = check([("Description", "A prebiotic powder that supports gut health.")])
    with_claim = check(
        [
            ("Description", "A prebiotic kefir that supports gut health."),
            (
                "Answer",
                "Kefir is a source of calcium. Calcium contributes to normal neurotransmission.",
            ),
        ]
    )

    assert found(alone, "general") == ["prebiotic", "supports gut health"]
    assert found(with_claim, "general") == []


def test_claims_check_notes_authorised_claims_with_their_conditions_of_use():
    flags = check([("Answer", "Calcium contributes to normal   muscle function.")])

    assert [flag.kind for flag in flags] == ["authorised"]
    assert "source of calcium" in flags[0].message
    assert not flags[0].needs_sign_off


def test_claims_check_a_denial_is_a_note_not_a_flag_to_sign_off():
    flags = check(
        [("Answer", "kēpos is not intended to diagnose, treat, cure or prevent any disease.")]
    )

    assert found(flags, "denied") == ["treat", "cure", "prevent"]
    assert not any(flag.needs_sign_off for flag in flags)


def test_claims_check_denial_reaches_only_its_own_sentence():
    flags = check([("Body", "This is not medicine. Kefir cures anxiety.")])

    assert found(flags, "forbidden") == ["cures"]


def test_claims_check_reads_the_words_not_the_markup():
    html = '<p><a href="/cure-page" title="cures">Our story</a></p><p>It <em>cur</em>es.</p>'
    flags = check([("Body", html + "<p>Drink &amp; heal.</p>")])

    assert found(flags) == ["heal"]


def test_claims_check_follows_the_lists_managers_edit():
    ClaimRule.objects.create(phrase="miracle", kind="forbidden", explanation="No miracles.")
    ClaimRule.objects.filter(phrase="cure*").update(is_active=False)
    AuthorisedClaim.objects.update(is_active=False)

    flags = check(
        [("Body", "A miracle that cures. Calcium contributes to normal neurotransmission.")]
    )

    assert found(flags) == ["miracle"]
    assert flags[0].message == "No miracles."


def test_claims_check_names_the_part_and_quotes_around_the_words():
    flags = check([("Title", "Kefir"), ("Section 3", "Long words before. Kefir cures colds fast.")])

    assert (flags[0].where, flags[0].excerpt) == (
        "Section 3",
        "Long words before. Kefir cures colds fast.",
    )


# --- The live check editors see ---


def test_claims_check_live_endpoint_answers_staff_with_the_flags(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    response = client.post(
        reverse("admin:claims_live_check"),
        json.dumps({"parts": [["Answer", "<p>It cures <b>colds</b>.</p>"]]}),
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json()["flags"][0]["found"] == "cures"


def test_claims_check_live_endpoint_refuses_shoppers_and_bad_input(client):
    url = reverse("admin:claims_live_check")
    body = json.dumps({"parts": [["Answer", "cures"]]})

    anonymous = client.post(url, body, content_type="application/json")
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    broken = client.post(url, "{not json", content_type="application/json")

    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert broken.status_code == 400 and "parts" in broken.json()["error"]


# --- Publishing needs a Manager's sign-off ---


@pytest.fixture
def author():
    return Author.objects.create(name="kēpos Science Team", slug="team")


def flagged_article(author, **fields):
    return article_form(
        author,
        sections=[("Why kefir", "<p>Kefir cures low mood.</p>")],
        **({"_action": "publish"} | fields),
    )


def test_claims_check_stops_a_marketer_publishing_flagged_wording(client, author):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    response = client.post(reverse("admin:blog_article_add"), flagged_article(author))

    assert response.status_code == 200
    page = response.content.decode()
    assert "The claims check flags 1 thing to publish: “cures” (Section 1)" in page
    assert "ask a Manager to sign off" in page
    assert not Article.objects.exists()


def test_claims_check_lets_a_draft_with_flags_be_saved(client, author):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    response = client.post(
        reverse("admin:blog_article_add"), flagged_article(author, _action="draft")
    )

    assert response.status_code == 302
    assert Article.objects.get().status == Article.Status.DRAFT


def test_claims_check_a_marketer_cannot_sign_off(client, author):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    response = client.post(
        reverse("admin:blog_article_add"),
        flagged_article(author, claims_sign_off_note="I think it is fine."),
    )

    assert "Only a Manager can sign off claims flags." in response.content.decode()
    assert not ClaimSignOff.objects.exists()


def test_claims_check_manager_sign_off_publishes_and_is_kept_in_the_revision_history(
    client, author
):
    manager = factories.staff_user(roles.MANAGERS)
    factories.sign_in(client, manager)

    response = client.post(
        reverse("admin:blog_article_add"),
        flagged_article(author, claims_sign_off_note="Quoted from the study's title [1]."),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    sign_off = ClaimSignOff.objects.get()
    assert (sign_off.content_object, sign_off.signed_by) == (article, manager)
    note = Revision.objects.get(article=article).note
    assert "Claims flags signed off by" in note
    assert "(“cures”): Quoted from the study's title [1]." in note


def test_claims_check_sign_off_covers_only_the_flags_it_listed(client, author):
    factories.sign_in(client, factories.staff_user(roles.MANAGERS))
    client.post(
        reverse("admin:blog_article_add"), flagged_article(author, claims_sign_off_note="Ok.")
    )
    article = Article.objects.get()
    marketer = client.__class__()
    factories.sign_in(marketer, factories.staff_user(roles.MARKETING))
    change = reverse("admin:blog_article_change", args=[article.pk])

    same = marketer.post(change, flagged_article(author))
    new_flag = article_form(
        author,
        sections=[("Why kefir", "<p>Kefir cures low mood and heals the gut.</p>")],
        _action="",  # Save changes: it stays published
    )
    worse = marketer.post(change, new_flag)

    assert same.status_code == 302  # the signed-off wording may be saved again
    assert worse.status_code == 200
    assert "“heals” (Section 1)" in worse.content.decode()
    assert "“cures”" not in worse.content.decode().split("The claims check flags")[1][:80]


def faq_form(**fields):
    category = FAQCategory.objects.get_or_create(name="Kefir", slug="kefir")[0]
    return {
        "category": category.pk,
        "question": "Does kefir help?",
        "slug": "does-kefir-help",
        "answer": "<p>Kefir treats anxiety.</p>",
        "position": 0,
        "is_visible": "on",
        **fields,
    }


def test_claims_check_stops_showing_a_flagged_faq_answer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    shown = client.post(reverse("admin:faq_faqentry_add"), faq_form())
    hidden = client.post(reverse("admin:faq_faqentry_add"), faq_form(is_visible=""))

    assert shown.status_code == 200 and "“treats” (Answer)" in shown.content.decode()
    assert hidden.status_code == 302
    assert FAQEntry.objects.get().is_visible is False


def test_claims_check_also_guards_showing_an_answer_from_the_list(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    client.post(reverse("admin:faq_faqentry_add"), faq_form(is_visible=""))
    entry = FAQEntry.objects.get()

    response = client.post(
        reverse("admin:faq_faqentry_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": entry.pk,
            "form-0-position": 0,
            "form-0-is_visible": "on",
            "_save": "Save",
        },
    )

    assert response.status_code == 200
    assert "“treats” (Answer)" in text_of(response)  # said where the row is, not hidden
    entry.refresh_from_db()
    assert entry.is_visible is False


def test_claims_check_flags_show_on_the_dashboard_product_page_and_guard_publishing(client):
    from tests.pages import form_data

    item = factories.product(
        "Kefir powder",
        "9.99",
        in_category=factories.category("Kefir > Drinks"),
        description="<p>Our detox blend.</p>",
        is_public=False,
    )
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    url = reverse("dashboard:catalogue-product", kwargs={"pk": item.pk})
    page = client.get(url)
    data = form_data(page, "create_update_product_form") | {"is_public": "on"}

    response = client.post(url, data)

    assert "“detox” in Description (needs sign-off)" in text_of(page)
    assert response.status_code == 200
    assert "“detox” (Description)" in response.content.decode()
    item.refresh_from_db()
    assert item.is_public is False


# --- The claims review in the dashboard ---


def published_texts(count: int, author, start: int = 0):
    category = FAQCategory.objects.get_or_create(name="Kefir", slug="kefir")[0]
    for number in range(start, start + count):
        article = Article.objects.create(
            title=f"Article {number}",
            slug=f"article-{number}",
            summary="Kefir cures everything.",
            author=author,
            status=Article.Status.PUBLISHED,
        )
        article.sections.create(heading="Why", body="<p>It heals.</p>", position=1)
        article.takeaways.create(text="A detox drink.", position=1)
        FAQEntry.objects.create(
            question=f"Question {number}?",
            slug=f"question-{number}",
            answer="<p>A probiotic.</p>",
            category=category,
        )
        factories.product(f"Kefir {number}", "4.49", description="<p>Treats colds.</p>")


def test_claims_check_review_lists_published_flagged_text_and_not_drafts(client, author):
    published_texts(1, author)
    Article.objects.create(
        title="Draft", slug="draft", summary="Cures.", author=author, status="draft"
    )
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    text = text_of(client.get(reverse("dashboard:claims-review")))

    assert "5 flags in 3 published items" in text
    assert "Article 0 Articles “cures” in Summary" in text
    assert "Question 0? Questions and answers “probiotic” in Answer" in text
    assert "Kefir 0 Products “Treats” in Description" in text
    assert "Draft" not in text


def test_claims_check_review_leaves_out_signed_off_flags(client, author):
    published_texts(1, author)
    article = Article.objects.get()
    flags = check([("Summary", article.summary)])
    ClaimSignOff.objects.create(
        content_object=article,
        title=article.title,
        flags=[flag.fingerprint for flag in flags],
        note="Reviewed.",
        signed_by_name="A Manager",
    )
    factories.sign_in(client, factories.staff_user(roles.MANAGERS))

    text = text_of(client.get(reverse("dashboard:claims-review")))

    assert "“cures” in Summary" not in text
    assert "“heals” in Section 1" in text
    assert "A Manager Reviewed." in text


def test_claims_check_review_queries_do_not_grow_with_the_content(
    client, author, queries_do_not_grow
):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    def grow(size):
        published_texts(size - Article.objects.count(), author, start=Article.objects.count())

    queries_do_not_grow(lambda: client.get(reverse("dashboard:claims-review")), grow, ceiling=20)
