"""Revisions: every save keeps the whole article, and any revision can be restored.

A snapshot holds the article's own fields and every part (takeaways,
sections, references, FAQ links, related products, categories, tags), so a
restore brings back a deleted section exactly as it was.
"""

import difflib
from datetime import date, datetime

from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime

from blog.models import (
    Article,
    ArticleFAQ,
    ArticleProduct,
    KeyTakeaway,
    Reference,
    Revision,
    Section,
)

FIELDS = [
    "title",
    "slug",
    "summary",
    "hero_image",
    "hero_alt",
    "author_id",
    "status",
    "publish_at",
    "disclaimer",
    "seo_title",
    "seo_description",
    "last_reviewed_on",
    "reviewed_by_id",
]
PARTS = {
    "takeaways": (KeyTakeaway, ["text", "position"]),
    "sections": (Section, ["heading", "anchor", "body", "position"]),
    "references": (
        Reference,
        ["number", "authors", "title", "journal", "year", "pmid", "doi", "url"],
    ),
    "faq_links": (ArticleFAQ, ["entry_id", "position"]),
    "product_links": (ArticleProduct, ["product_id", "position"]),
}


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "name"):  # a file
        return value.name or ""
    return value


def snapshot(article: Article) -> dict:
    data = {"fields": {name: _plain(getattr(article, name)) for name in FIELDS}}
    data["categories"] = sorted(article.categories.values_list("pk", flat=True))
    data["tags"] = sorted(article.tags.values_list("pk", flat=True))
    for part, (_, fields) in PARTS.items():
        data[part] = list(getattr(article, part).values(*fields))
    return data


def save_revision(article: Article, *, user=None, note: str = "") -> Revision:
    user = user if user is not None and user.is_authenticated else None
    return Revision.objects.create(
        article=article, created_by=user, note=note, data=snapshot(article)
    )


@transaction.atomic
def restore(revision: Revision, *, user=None) -> Article:
    """Put the article back as it was in ``revision`` (a new revision records it)."""
    article = Article.objects.select_for_update().get(pk=revision.article_id)
    fields = revision.data["fields"]
    for name in FIELDS:
        value = fields.get(name)
        if name == "publish_at" and value:
            value = parse_datetime(value)
        elif name == "last_reviewed_on" and value:
            value = parse_date(value)
        setattr(article, name, value)
    article.save()
    article.categories.set(revision.data.get("categories", []))
    article.tags.set(revision.data.get("tags", []))
    for part, (model, _) in PARTS.items():
        getattr(article, part).all().delete()
        rows = [model(article=article, **row) for row in revision.data.get(part, [])]
        if part == "faq_links":
            rows = [r for r in rows if _exists("faq", "FAQEntry", r.entry_id)]
        if part == "product_links":
            rows = [r for r in rows if _exists("catalogue", "Product", r.product_id)]
        for row in rows:
            row.save()  # one by one, so sections are sanitised and keep their anchors
    when = revision.created_at.strftime("%d %b %Y %H:%M")
    save_revision(article, user=user, note=f"Restored the revision of {when}")
    return article


def _exists(app_label: str, model_name: str, pk) -> bool:
    from django.apps import apps

    return apps.get_model(app_label, model_name).objects.filter(pk=pk).exists()


def as_text(data: dict) -> list[str]:
    """A readable, line-by-line form of a snapshot, for comparing two revisions."""
    lines = [f"{name}: {value}" for name, value in data["fields"].items()]
    lines.append(f"categories: {data.get('categories')}")
    lines.append(f"tags: {data.get('tags')}")
    for part in PARTS:
        for row in data.get(part, []):
            lines.append(f"{part}: " + " | ".join(f"{k}={v}" for k, v in row.items()))
    return lines


def compare(older: Revision, newer: Revision) -> list[tuple[str, str]]:
    """The lines that differ between two revisions, as ("removed"|"added", line) pairs.

    Returned as data rather than HTML so the template escapes every line:
    article bodies are user text.
    """
    changes = []
    matcher = difflib.SequenceMatcher(a=as_text(older.data), b=as_text(newer.data), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes += [("removed", line) for line in matcher.a[i1:i2]]
        changes += [("added", line) for line in matcher.b[j1:j2]]
    return changes
