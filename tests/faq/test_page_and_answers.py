"""The FAQ page, FAQ answers quoting the live delivery rules, and FAQ entries on product pages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop import roles
from shop.faq.answers import render_answer
from shop.faq.models import FAQEntry
from tests import factories
from tests.pages import by_type, jsonld, text_of

pytestmark = pytest.mark.django_db

FAQ = "/faq/"


def test_the_faq_page_lists_visible_answers_by_category_in_order(client):
    factories.faq_entry("How do I store kefir?", category="Kefir care", category_position=20)
    factories.faq_entry("Where do you deliver?", category="Delivery", category_position=10)
    factories.faq_entry("A retired question?", category="Delivery", is_visible=False)

    text = text_of(client.get(FAQ))

    assert text.index("Delivery Where do you deliver?") < text.index(
        "Kefir care How do I store kefir?"
    )
    assert "A retired question?" not in text
    assert "2 questions." in text


def test_each_answer_has_a_deep_link_inside_its_details(client):
    factories.faq_entry("Is kēpos vegan?", "<p>No.</p>", category="kēpos", slug="is-kepos-vegan")

    page = client.get(FAQ).content.decode()

    assert '<details class="faq-entry" data-faq-entry>' in page
    assert (
        '<div class="faq-answer" id="is-kepos-vegan">' in page
    )  # revealed by /faq/#is-kepos-vegan
    assert '<a href="#is-kepos-vegan">Link to this answer</a>' in page
    assert FAQEntry.objects.get().get_absolute_url() == "/faq/#is-kepos-vegan"


def test_the_filter_hides_answers_that_do_not_match_every_word(client):
    factories.faq_entry("How long does kefir last?", "<p>Keep it cold for 45 days.</p>")
    factories.faq_entry("Is kēpos vegan?", "<p>No, because of lactose.</p>", category="kēpos")

    response = client.get(FAQ, {"q": "KEFIR cold"})

    page = response.content.decode()
    assert "1 of 2 questions match “kefir cold”." in text_of(response)
    assert page.count("data-faq-entry hidden") == 1
    assert "data-faq-category hidden" in page  # the kēpos category has no match left
    assert "data-faq-none hidden" in page


def test_the_filter_ignores_accents_like_the_script_does(client):
    factories.faq_entry("Is kēpos vegan?", "<p>No.</p>", category="kēpos")

    assert "1 of 1 question match “kepos”." in text_of(client.get(FAQ, {"q": "kepos"}))


def test_no_match_says_so_and_offers_a_way_on(client):
    factories.faq_entry("Where do you deliver?")

    response = client.get(FAQ, {"q": "zeppelin"})

    assert "No questions match “zeppelin”." in text_of(response)
    assert "data-faq-none hidden" not in response.content.decode()


@pytest.mark.parametrize("query", ["<script>alert(1)</script>", "' OR 1=1 --", "%", "x" * 5000])
def test_any_query_is_answered_and_escaped(client, query):
    factories.faq_entry("Where do you deliver?")

    response = client.get(FAQ, {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_nul_byte_in_the_query_is_refused_with_a_reason(client):
    response = client.get(FAQ, {"q": "kefir\x00"})

    assert response.status_code == 400
    assert "a NUL byte" in response.content.decode()


def test_the_faq_page_marks_up_every_shown_answer_once(client):
    factories.delivery_methods()
    factories.faq_entry("How much is delivery?", "<p>{method} costs {charge}.</p>")
    factories.faq_entry("Is it vegan?", "<p>No &amp; never.</p>", category="kēpos")

    faq = by_type(jsonld(client.get(FAQ)), "FAQPage")

    assert faq["mainEntity"] == [
        {
            "@type": "Question",
            "name": "How much is delivery?",
            "acceptedAnswer": {"@type": "Answer", "text": "Next Day costs £4.99."},
        },
        {
            "@type": "Question",
            "name": "Is it vegan?",
            "acceptedAnswer": {"@type": "Answer", "text": "No & never."},
        },
    ]


def test_delivery_answers_quote_the_rule_staff_set_today(client):
    methods = factories.delivery_methods()
    factories.faq_entry(
        "How do I get free delivery?",
        "<p>Spend {threshold} for free {method} delivery; order by {cutoff}.</p>",
    )
    assert "Spend £25 for free Next Day delivery; order by 2pm." in text_of(client.get(FAQ))

    next_day = methods["Next Day"]
    next_day.free_shipping_threshold = Decimal("30.00")
    next_day.save()

    assert "Spend £30 for free Next Day delivery" in text_of(client.get(FAQ))


def test_an_answer_whose_rule_is_gone_is_not_shown(client):
    methods = factories.delivery_methods()
    methods["Next Day"].is_headline = False
    methods["Next Day"].save()
    factories.faq_entry("How do I get free delivery?", "<p>Spend {threshold}.</p>")
    factories.faq_entry("Where do you deliver?", "<p>Across the UK.</p>")

    text = text_of(client.get(FAQ))

    assert "How do I get free delivery?" not in text
    assert "Where do you deliver?" in text


def test_live_values_are_escaped_into_the_answer():
    html = render_answer("<p>{method}</p>", {"method": "<b>Fast</b> & cheap"})

    assert html == "<p>&lt;b&gt;Fast&lt;/b&gt; &amp; cheap</p>"


def test_an_unknown_placeholder_is_refused_at_the_field():
    entry = factories.faq_entry("Typo?", "<p>Spend {treshold}.</p>")

    with pytest.raises(ValidationError) as error:
        entry.full_clean()

    assert "Unknown placeholder {treshold}" in str(error.value.message_dict["answer"])


def test_the_answer_is_sanitised_when_saved():
    entry = factories.faq_entry(
        "Safe?", '<p onclick="x()">Yes<script>alert(1)</script> <a href="javascript:x()">go</a></p>'
    )

    assert entry.answer == '<p>Yes <a rel="noopener noreferrer nofollow">go</a></p>'


def test_product_pages_show_their_linked_answers(client):
    item = factories.product("kēpos 30-day", "39.99")
    factories.faq_entry("How do I take kēpos?", "<p>Two capsules a day.</p>", products=[item])
    factories.faq_entry("Unrelated?", "<p>Yes.</p>")
    factories.faq_entry("Hidden?", "<p>Yes.</p>", products=[item], is_visible=False)

    response = client.get(item.get_absolute_url())

    text = text_of(response)
    assert "Questions about kēpos 30-day How do I take kēpos? Two capsules a day." in text
    assert "Unrelated?" not in text and "Hidden?" not in text
    assert "FAQPage" not in [block["@type"] for block in jsonld(response)]


def test_faq_page_query_count_does_not_grow(client, queries_do_not_grow):
    factories.delivery_methods()
    made = []

    def grow(size):
        for n in range(len(made), size):
            made.append(
                factories.faq_entry(
                    f"Question {n}?", "<p>Spend {threshold}.</p>", category=f"Topic {n % 3}"
                )
            )

    # promises, chat hours and delivery methods (the strip; the answers share the methods),
    # menu, entries: 5
    queries_do_not_grow(lambda: client.get(FAQ), grow, ceiling=8)


def test_marketing_edits_faq_entries_and_customer_service_only_reads_them(client):
    entry = factories.faq_entry("Where do you deliver?")
    change = reverse("admin:faq_faqentry_change", args=[entry.pk])

    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    assert client.get(reverse("admin:faq_faqentry_add")).status_code == 200

    factories.sign_in(client, factories.staff_user(roles.CUSTOMER_SERVICE))
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:faq_faqentry_add")).status_code == 403

    factories.sign_in(client, factories.staff_user(roles.ORDER_STAFF))
    assert client.get(change).status_code == 403


def test_a_marketer_saving_an_unknown_placeholder_sees_why(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    group = factories.faq_entry("Seed?").category

    response = client.post(
        reverse("admin:faq_faqentry_add"),
        {
            "category": group.pk,
            "question": "How much?",
            "slug": "how-much",
            "answer": "<p>{price}</p>",
            "position": 0,
            "is_visible": "on",
        },
    )

    assert response.status_code == 200
    assert "Unknown placeholder {price}" in text_of(response)
    assert not FAQEntry.objects.filter(slug="how-much").exists()
