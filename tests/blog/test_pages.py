"""Blog pages: what the public sees, structured data, and constant query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import UserFactory

from blog.models import Article, ArticleFAQ, ArticleProduct, BlogSettings
from shop import roles
from shop.faq.models import FAQCategory, FAQEntry
from tests import factories
from tests.pages import by_type, jsonld, meta, text_of

pytestmark = pytest.mark.django_db


def test_the_list_shows_published_articles_newest_first(client):
    now = timezone.now()
    factories.article("Older", publish_at=now - timedelta(days=3))
    factories.article("Newer", publish_at=now - timedelta(days=1))
    factories.article("Draft", status=Article.Status.DRAFT, publish_at=None)
    factories.article("Tomorrow", publish_at=now + timedelta(days=1))
    factories.article("Archived", status=Article.Status.ARCHIVED)

    response = client.get(reverse("blog:list"))

    assert [a.title for a in response.context["articles"]] == ["Newer", "Older"]


@pytest.mark.parametrize(
    "changes",
    [{"status": Article.Status.DRAFT, "publish_at": None}, {"publish_at": "future"}],
)
def test_drafts_and_future_articles_are_404_to_the_public(client, changes):
    if changes.get("publish_at") == "future":
        changes["publish_at"] = timezone.now() + timedelta(hours=1)
    article = factories.article("Not yet", **changes)

    assert client.get(article.get_absolute_url()).status_code == 404


def test_an_archived_article_stays_readable(client):
    article = factories.article("Old news", status=Article.Status.ARCHIVED)

    assert client.get(article.get_absolute_url()).status_code == 200


def test_category_tag_and_author_pages_narrow_the_list(client):
    factories.article("Kefir one", categories=["Kefir"], tags=["mood"])
    factories.article("HMO one", categories=["Ingredients"], tags=["hmos"])

    def titles(url):
        return [a.title for a in client.get(url).context["articles"]]

    assert titles(reverse("blog:category", kwargs={"slug": "kefir"})) == ["Kefir one"]
    assert titles(reverse("blog:tag", kwargs={"slug": "hmos"})) == ["HMO one"]
    assert len(titles(reverse("blog:author", kwargs={"slug": "team"}))) == 2
    assert client.get(reverse("blog:category", kwargs={"slug": "nope"})).status_code == 404


def test_the_article_page_has_takeaways_contents_citations_references_and_disclaimer(client):
    article = factories.article(
        "Gut and mood",
        sections=[("Serotonin", "<p>Made in the gut [1].</p>"), ("Stress", "<p>See [2].</p>")],
        references=[
            {"authors": "Jackson et al.", "title": "EFFICAD", "pmid": "37657523"},
            {
                "authors": "Zhang et al.",
                "title": "Lactoferrin",
                "doi": "10.1038/s41598-024-72793-2",
            },
        ],
    )
    article.takeaways.create(text="Most serotonin is made in the gut [1].", position=1)

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert "Key takeaways" in html
    assert '<a href="#serotonin">Serotonin</a>' in html and 'id="stress"' in html
    assert 'href="#ref-1" class="citation"' in html and 'href="#ref-2" class="citation"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/37657523/"' in html
    assert 'href="https://doi.org/10.1038/s41598-024-72793-2"' in html
    assert BlogSettings().default_disclaimer in text_of(response)
    assert "1 min read" in text_of(response)


def test_an_article_can_replace_the_default_disclaimer(client):
    article = factories.article("Special", disclaimer="Read with care.")

    assert "Medical disclaimer. Read with care." in text_of(client.get(article.get_absolute_url()))


def test_the_faq_block_shows_linked_answers_but_leaves_faqpage_markup_to_the_faq_page(client):
    article = factories.article("With questions")
    category = FAQCategory.objects.create(name="Health", slug="health")
    entry = FAQEntry.objects.create(
        question="Is this medical advice?", answer="<p>No.</p>", category=category
    )
    ArticleFAQ.objects.create(article=article, entry=entry)

    response = client.get(article.get_absolute_url())

    assert '<details id="faq-is-this-medical-advice">' in response.content.decode()
    assert "Is this medical advice? No." in text_of(response)
    # Each answer is marked up once across the site: on /faq/, not on every article.
    assert "FAQPage" not in [block["@type"] for block in jsonld(response)]


def test_blogposting_json_ld_has_what_search_engines_require(client):
    article = factories.article("Structured", categories=["Gut-brain axis"], tags=["mood"])

    blocks = jsonld(client.get(article.get_absolute_url()))

    post = by_type(blocks, "BlogPosting")
    for field in (
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "url",
        "citation",
        "publisher",
    ):
        assert post[field], field
    assert post["author"]["name"] == "kēpos Science Team"
    assert post["citation"][0]["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "PMID", "value": "37657523"}
    ]
    crumbs = by_type(blocks, "BreadcrumbList")["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Blog", "Gut-brain axis", "Structured"]


def test_a_script_tag_in_a_title_cannot_break_out_of_json_ld(client):
    article = factories.article("Evil </script><script>alert(1)</script>", slug="evil")

    response = client.get(article.get_absolute_url())

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert by_type(jsonld(response), "BlogPosting")["headline"].startswith("Evil </script>")


def test_seo_defaults_come_from_title_and_summary_and_can_be_overridden(client):
    plain = factories.article("Plain title")
    tuned = factories.article("Tuned", seo_title="Better title", seo_description="Better words.")

    plain_html = client.get(plain.get_absolute_url()).content.decode()
    tuned_html = client.get(tuned.get_absolute_url()).content.decode()

    assert '<meta property="og:title" content="Plain title">' in plain_html
    assert '<meta name="description" content="Summary of Plain title.">' in plain_html
    assert '<meta property="og:title" content="Better title">' in tuned_html
    assert (
        f'<link rel="canonical" href="http://testserver{tuned.get_absolute_url()}">' in tuned_html
    )


def test_shop_the_article_hides_products_that_cannot_be_bought(client):
    article = factories.article("Shop me")
    buyable = factories.product("kēpos 30-day", "39.99")
    sold_out = factories.product("Sold out grains", "14.99", num_in_stock=0)
    hidden = factories.product("Hidden", "5.00", is_public=False)
    for position, item in enumerate([buyable, sold_out, hidden]):
        ArticleProduct.objects.create(article=article, product=item, position=position)

    response = client.get(article.get_absolute_url())

    assert [p.title for p in response.context["shop_products"]] == ["kēpos 30-day"]
    assert "£39.99" in text_of(response)


def test_staff_preview_drafts_in_the_page_layout_and_others_cannot(client):
    draft = factories.article("Secret draft", status=Article.Status.DRAFT, publish_at=None)
    url = reverse("blog:preview", kwargs={"pk": draft.pk})

    anonymous = client.get(url)
    factories.sign_in(client, UserFactory())
    customer = client.get(url)
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    marketer = client.get(url)

    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert customer.status_code == 403
    assert marketer.status_code == 200
    assert "Preview." in text_of(marketer) and "Secret draft" in text_of(marketer)
    assert '<meta name="robots" content="noindex">' in marketer.content.decode()


def catalogue_of_articles(size: int, start: int = 0):
    category, _ = FAQCategory.objects.get_or_create(name="Health", slug="health")
    for n in range(start, size):
        article = factories.article(
            f"Article {n}",
            categories=[f"Category {n % 3}"],
            tags=[f"tag {n % 4}", f"tag {n % 5}"],
            sections=[("One", "<p>[1] and [2]</p>"), ("Two", "<p>[3]</p>")],
            references=[{"title": f"Ref {i}", "pmid": str(1000 + i)} for i in range(3)],
        )
        entry = FAQEntry.objects.create(
            question=f"Question {n}?", answer="<p>A.</p>", category=category
        )
        ArticleFAQ.objects.create(article=article, entry=entry)
        ArticleProduct.objects.create(article=article, product=factories.product(f"P{n}", "5.00"))
        article.takeaways.create(text="A takeaway.", position=1)
    return Article.objects.order_by("pk").first()


@pytest.mark.parametrize(
    ("page_name", "ceiling"),  # counted today: 9, 10, 10, 10, 19
    [("list", 12), ("category", 13), ("tag", 13), ("author", 13), ("detail", 24)],
)
def test_blog_page_query_counts_do_not_grow(client, page_name, ceiling, queries_do_not_grow):
    def grow(size):
        catalogue_of_articles(size, start=Article.objects.count())

    grow(3)
    first = Article.objects.order_by("pk").first()
    urls = {
        "list": reverse("blog:list"),
        "category": first.categories.first().get_absolute_url(),
        "tag": first.tags.first().get_absolute_url(),
        "author": first.author.get_absolute_url(),
        "detail": first.get_absolute_url(),
    }
    queries_do_not_grow(lambda: client.get(urls[page_name]), grow, ceiling=ceiling)


def test_a_named_person_is_marked_up_as_a_person_and_a_team_as_an_organization(client):
    from blog.models import Author

    team = factories.article("By the team")
    person = factories.article(
        "By a person",
        author=Author.objects.create(name="Dr Ada Example", slug="ada", kind="person"),
    )

    team_author = by_type(jsonld(client.get(team.get_absolute_url())), "BlogPosting")["author"]
    person_author = by_type(jsonld(client.get(person.get_absolute_url())), "BlogPosting")["author"]

    assert team_author["@type"] == "Organization"
    assert (person_author["@type"], person_author["name"]) == ("Person", "Dr Ada Example")


def test_an_article_without_a_hero_gets_a_drawn_preview_image(client):
    from PIL import Image

    from blog.images import generate_renditions

    article = factories.article("Why kefir fizzes")
    generate_renditions(article)  # as the admin does on save

    response = client.get(article.get_absolute_url())

    url = article.social_image.url
    assert meta(response, "og:image").endswith(url)
    assert by_type(jsonld(response), "BlogPosting")["image"][0].endswith(url)
    with article.social_image.open() as picture:
        assert Image.open(picture).size == (1200, 630)


def test_a_new_title_draws_a_new_preview_image_and_drops_the_old(client):
    from blog.images import generate_renditions

    article = factories.article("First title")
    generate_renditions(article)
    old = article.social_image.name
    article.title = "Second title"
    article.save()

    generate_renditions(article)

    assert article.social_image.name != old
    assert not article.social_image.storage.exists(old)
    assert article.social_image.storage.exists(article.social_image.name)
