"""Load the demo blog: authors, categories, tags, FAQ entries and five articles.

Idempotent like the catalogue loader: rows are found by slug and created
only when missing, so staff edits to demo content survive a re-run.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model

from blog.images import generate_renditions
from blog.models import (
    Article,
    ArticleFAQ,
    ArticleProduct,
    Author,
    Category,
    KeyTakeaway,
    Reference,
    Section,
    Tag,
)
from blog.revisions import save_revision
from shop.demo import blog_data
from shop.demo.photos import article_photo
from shop.faq.models import FAQCategory, FAQEntry

Product = get_model("catalogue", "Product")


@transaction.atomic
def load_demo_blog(report) -> None:
    authors = {
        spec["slug"]: _get_or_create(Author, report, "author", slug=spec["slug"], defaults=spec)
        for spec in blog_data.AUTHORS
    }
    categories = {
        slug: _get_or_create(
            Category,
            report,
            "blog category",
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )
        for slug, name, description, position in blog_data.CATEGORIES
    }
    tags = {
        slug: _get_or_create(Tag, report, "tag", slug=slug, defaults={"name": name})
        for slug, name in blog_data.TAGS
    }
    faq_categories = {
        slug: _get_or_create(
            FAQCategory,
            report,
            "FAQ category",
            slug=slug,
            defaults={"name": name, "position": position},
        )
        for slug, name, position in blog_data.FAQ_CATEGORIES
    }
    entries = {}
    for position, spec in enumerate(blog_data.FAQ_ENTRIES, start=1):
        entry, created = FAQEntry.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "question": spec["question"],
                "answer": spec["answer"],
                "category": faq_categories[spec["category"]],
                "position": position * 10,
            },
        )
        if created:
            report.add("FAQ entry", str(entry))
            entry.products.set(Product.objects.filter(code__in=spec.get("products", [])))
        entries[spec["slug"]] = entry
    for index, spec in enumerate(blog_data.ARTICLES):
        if not Article.objects.filter(slug=spec["slug"]).exists():
            _article(spec, index, authors, categories, tags, entries)
            report.add("article", spec["title"])


def _get_or_create(model, report, kind: str, **lookup):
    instance, created = model.objects.get_or_create(**lookup)
    if created:
        report.add(kind, str(instance))
    return instance


def _article(spec, index, authors, categories, tags, entries) -> None:
    hero, hero_alt = article_photo(spec["slug"], index)
    article = Article(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        author=authors["kepos-science-team"],
        status=Article.Status.PUBLISHED,
        publish_at=spec["publish_at"],
        hero_alt=hero_alt,
        last_reviewed_on=blog_data.REVIEWED_ON,
        reviewed_by=authors["kepos-editorial-review"],
    )
    article.hero_image.save(f"{spec['slug']}.jpg", ContentFile(hero), save=False)
    article.save()
    article.categories.set([categories[slug] for slug in spec["categories"]])
    article.tags.set([tags[slug] for slug in spec["tags"]])
    for position, text in enumerate(spec["takeaways"], start=1):
        KeyTakeaway.objects.create(article=article, text=text, position=position)
    for position, (heading, body) in enumerate(spec["sections"], start=1):
        quote = blog_data.PULL_QUOTES.get((spec["slug"], heading), "")
        section = Section(
            article=article, heading=heading, body=body, pull_quote=quote, position=position
        )
        section.clean()  # a demo pull quote is held to the editors' rule
        section.save()
    for number, key in enumerate(spec["references"], start=1):
        Reference.objects.create(article=article, number=number, **blog_data.REFS[key])
    for position, slug in enumerate(spec["faq"], start=1):
        ArticleFAQ.objects.create(article=article, entry=entries[slug], position=position)
    for position, code in enumerate(spec["products"], start=1):
        product = Product.objects.filter(code=code).first()
        if product is not None:
            ArticleProduct.objects.create(article=article, product=product, position=position)
    save_revision(article, note="Demo content")
    generate_renditions(article)
