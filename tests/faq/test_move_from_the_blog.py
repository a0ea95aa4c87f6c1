"""The FAQ moved from the blog into its own app without losing a row, a link or
a permission (migrations ``faq.0001`` and ``blog.0003``).

The database is taken back to before the move, filled as a live store's would
be through the blog's historical models, and migrated forward again.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from blog.models import Article
from shop import roles
from shop.faq.models import FAQCategory, FAQEntry
from tests import factories

# Migrations touch the schema editor, which SQLite refuses inside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_THE_MOVE = [("faq", None), ("blog", "0002_faq_products_and_reserved_slugs")]
CATEGORIES = ["Delivery", "Kefir", "kēpos", "Your order"]
ENTRIES_PER_CATEGORY = 6
CONTENT_TYPES = ("contenttypes", "0002_remove_content_type_name")


def migrate_to(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh loader sees what is applied now


def historical_apps(executor: MigrationExecutor):
    """The models as the migrations before the move left them."""
    nodes = [("blog", "0002_faq_products_and_reserved_slugs"), CONTENT_TYPES]
    return executor.loader.project_state(nodes).apps


def fill_the_old_faq(apps, products, articles) -> dict[str, dict]:
    """24 answers in 4 categories, each on some product pages and in some articles."""
    Category = apps.get_model("blog", "FAQCategory")
    Entry = apps.get_model("blog", "FAQEntry")
    ArticleFAQ = apps.get_model("blog", "ArticleFAQ")
    expected = {}
    for c, name in enumerate(CATEGORIES):
        category = Category.objects.create(name=name, slug=f"category-{c}", position=c * 10)
        for n in range(ENTRIES_PER_CATEGORY):
            slug = f"question-{c}-{n}"
            entry = Entry.objects.create(
                question=f"Question {n} about {name}?",
                slug=slug,
                answer=f"<p>Orders over {{threshold}} travel free; <em>answer {c}-{n}</em>.</p>",
                category=category,
                position=n,
                is_visible=n != 0,
            )
            shown_on = products[n % len(products) :][:2]
            entry.products.set([product.pk for product in shown_on])
            for position, article in enumerate(articles[: n % 3], start=1):
                ArticleFAQ.objects.create(article_id=article.pk, entry=entry, position=position)
            expected[slug] = {
                "question": entry.question,
                "answer": entry.answer,
                "category": name,
                "position": n,
                "is_visible": entry.is_visible,
                "products": {product.pk for product in shown_on},
                "articles": {article.pk for article in articles[: n % 3]},
            }
    return expected


def test_moving_the_faq_keeps_every_answer_link_and_permission(client):
    factories.delivery_methods()  # the answers quote the free-delivery threshold
    products = [factories.product(f"Kefir {n}", price="3.50") for n in range(5)]
    articles = [factories.article(f"Article {n}") for n in range(3)]
    content_types = {
        ct.model: ct.pk
        for ct in ContentType.objects.filter(app_label="faq", model__in=["faqentry", "faqcategory"])
    }

    executor = migrate_to(BEFORE_THE_MOVE)
    assert ("blog", "0003_faq_moves_to_its_own_app") not in executor.loader.applied_migrations
    old = historical_apps(executor)
    # Before the move, the permissions belonged to the blog.
    OldContentType = old.get_model("contenttypes", "ContentType")
    assert set(
        OldContentType.objects.filter(model__in=content_types).values_list("app_label", flat=True)
    ) == {"blog"}
    expected = fill_the_old_faq(old, products, articles)

    executor = migrate_to(executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    entries = FAQEntry.objects.select_related("category").prefetch_related(
        "products", "article_links"
    )
    assert len(entries) == len(CATEGORIES) * ENTRIES_PER_CATEGORY
    for entry in entries:
        was = expected[entry.slug]
        assert entry.question == was["question"]
        assert entry.answer == was["answer"]
        assert entry.category.name == was["category"]
        assert (entry.position, entry.is_visible) == (was["position"], was["is_visible"])
        assert {product.pk for product in entry.products.all()} == was["products"]
        assert {link.article_id for link in entry.article_links.all()} == was["articles"]
    assert FAQCategory.objects.count() == len(CATEGORIES)
    first = Article.objects.get(pk=articles[0].pk)
    assert first.faq_links.count() == sum(
        articles[0].pk in e["articles"] for e in expected.values()
    )

    # The same content types, relabelled: permissions and the groups holding them carried over.
    assert {
        ct.model: ct.pk
        for ct in ContentType.objects.filter(app_label="faq", model__in=content_types)
    } == content_types
    assert not ContentType.objects.filter(app_label="blog", model__in=content_types).exists()
    marketing = Group.objects.get(name=roles.MARKETING)
    assert marketing.permissions.filter(
        content_type__app_label="faq", codename="change_faqentry"
    ).exists()
    assert Permission.objects.filter(content_type__app_label="faq").count() == 8

    # And the store shows them.
    page = client.get("/faq/").content.decode()
    assert "Question 1 about kēpos?" in page
    assert "Question 0 about kēpos?" not in page  # hidden before, hidden after
