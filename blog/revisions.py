"""Revisions: every save keeps the whole article (or landing page), and any revision can
be compared with another and restored.

A snapshot holds the object's own fields, its many-to-many links and every part
(an article's takeaways, sections, references...; a landing page's blocks with their
products, articles and questions), so a restore brings back a deleted part exactly as
it was. Each kind of object says what to keep in a ``Spec``, registered with
``register``; the functions find it from the object or the revision.
"""

import difflib
from dataclasses import dataclass, field
from datetime import date, datetime

from django.apps import apps
from django.db import models, transaction
from django.utils.dateparse import parse_date, parse_datetime


@dataclass(frozen=True)
class Part:
    """Rows that belong to the object through the foreign key ``owner``."""

    model: type[models.Model]
    owner: str
    fields: list[str]
    many: tuple[str, ...] = ()  # many-to-many fields of each row, kept as lists of pks
    required: dict[str, str] = field(default_factory=dict)  # "entry_id": "faq.FAQEntry"


@dataclass(frozen=True)
class Spec:
    model: type[models.Model]
    revision_model: type[models.Model]
    owner: str  # the revision's foreign key to the object
    fields: list[str]
    many: tuple[str, ...] = ()
    parts: dict[str, Part] = field(default_factory=dict)  # keyed by related name


SPECS: dict[type, Spec] = {}


def register(spec: Spec) -> Spec:
    SPECS[spec.model] = spec
    SPECS[spec.revision_model] = spec
    return spec


def spec_for(obj) -> Spec:
    return SPECS[type(obj)]


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "name") and hasattr(value, "storage"):  # a file
        return value.name or ""
    return value


def _pks(manager) -> list:
    return sorted(item.pk for item in manager.all())


def snapshot(obj) -> dict:
    spec = spec_for(obj)
    data = {"fields": {name: _plain(getattr(obj, name)) for name in spec.fields}}
    for name in spec.many:
        data[name] = _pks(getattr(obj, name))
    for related, part in spec.parts.items():
        rows = getattr(obj, related).all().prefetch_related(*part.many)
        data[related] = [
            {
                **{name: _plain(getattr(row, name)) for name in part.fields},
                **{name: _pks(getattr(row, name)) for name in part.many},
            }
            for row in rows
        ]
    return data


def save_revision(obj, *, user=None, note: str = ""):
    spec = spec_for(obj)
    user = user if user is not None and user.is_authenticated else None
    return spec.revision_model.objects.create(
        **{spec.owner: obj}, created_by=user, note=note, data=snapshot(obj)
    )


def history(obj):
    spec = spec_for(obj)
    return spec.revision_model.objects.filter(**{spec.owner: obj}).select_related("created_by")


def _value(model, name: str, value):
    """A stored value back as the field's type (dates are kept as ISO text)."""
    field_type = model._meta.get_field(name.removesuffix("_id"))
    if value and isinstance(field_type, models.DateTimeField):
        return parse_datetime(value)
    if value and isinstance(field_type, models.DateField):
        return parse_date(value)
    return value


def _existing(model, pks) -> list:
    return list(model.objects.filter(pk__in=pks or []).values_list("pk", flat=True))


def _target_exists(label: str, pk) -> bool:
    return apps.get_model(label).objects.filter(pk=pk).exists()


@transaction.atomic
def restore(revision, *, user=None):
    """Put the object back as it was in ``revision`` (a new revision records it).

    Links to things deleted since (a product, a question) are left out rather than
    failing the restore.
    """
    spec = spec_for(revision)
    obj = spec.model.objects.select_for_update().get(pk=getattr(revision, f"{spec.owner}_id"))
    fields = revision.data["fields"]
    for name in spec.fields:
        setattr(obj, name, _value(spec.model, name, fields.get(name)))
    obj.save()
    for name in spec.many:
        target = spec.model._meta.get_field(name).related_model
        getattr(obj, name).set(_existing(target, revision.data.get(name)))
    for related, part in spec.parts.items():
        getattr(obj, related).all().delete()
        for stored in revision.data.get(related, []):
            if any(
                not _target_exists(label, stored.get(name)) for name, label in part.required.items()
            ):
                continue
            row = part.model(
                **{part.owner: obj},
                **{name: _value(part.model, name, stored.get(name)) for name in part.fields},
            )
            row.save()  # one by one, so sections are sanitised and keep their anchors
            for name in part.many:
                target = part.model._meta.get_field(name).related_model
                getattr(row, name).set(_existing(target, stored.get(name)))
    when = revision.created_at.strftime("%d %b %Y %H:%M")
    save_revision(obj, user=user, note=f"Restored the revision of {when}")
    return obj


def _in_order(row: dict, names: list[str]) -> list[tuple[str, object]]:
    """A stored row's values in the spec's order (PostgreSQL's jsonb keeps no key order);
    keys the spec no longer names come last, sorted."""
    known = [name for name in names if name in row]
    return [(name, row[name]) for name in known + sorted(set(row) - set(known))]


def as_text(data: dict, spec: Spec) -> list[str]:
    """A readable, line-by-line form of a snapshot, for comparing two revisions."""
    lines = [f"{name}: {value}" for name, value in _in_order(data["fields"], spec.fields)]
    lines += [f"{name}: {data.get(name)}" for name in spec.many]
    for related, part in spec.parts.items():
        for row in data.get(related, []):
            cells = _in_order(row, [*part.fields, *part.many])
            lines.append(f"{related}: " + " | ".join(f"{k}={v}" for k, v in cells))
    return lines


def compare(older, newer) -> list[tuple[str, str]]:
    """The lines that differ between two revisions, as ("removed"|"added", line) pairs.

    Returned as data rather than HTML so the template escapes every line:
    bodies are user text.
    """
    spec, changes = spec_for(older), []
    older_lines, newer_lines = as_text(older.data, spec), as_text(newer.data, spec)
    matcher = difflib.SequenceMatcher(a=older_lines, b=newer_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes += [("removed", line) for line in matcher.a[i1:i2]]
        changes += [("added", line) for line in matcher.b[j1:j2]]
    return changes


def _article_spec() -> Spec:
    from blog.models import (
        Article,
        ArticleFAQ,
        ArticleProduct,
        KeyTakeaway,
        Reference,
        Revision,
        Section,
    )

    reference_fields = ["number", "authors", "title", "journal", "year", "pmid", "doi", "url"]
    return Spec(
        model=Article,
        revision_model=Revision,
        owner="article",
        fields=[
            *("title", "slug", "summary", "hero_image", "hero_alt", "author_id", "status"),
            *("publish_at", "disclaimer", "seo_title", "seo_description", "last_reviewed_on"),
            "reviewed_by_id",
        ],
        many=("categories", "tags"),
        parts={
            "takeaways": Part(KeyTakeaway, "article", ["text", "position"]),
            "sections": Part(Section, "article", ["heading", "anchor", "body", "position"]),
            "references": Part(Reference, "article", reference_fields),
            "faq_links": Part(
                ArticleFAQ,
                "article",
                ["entry_id", "position"],
                required={"entry_id": "faq.FAQEntry"},
            ),
            "product_links": Part(
                ArticleProduct,
                "article",
                ["product_id", "position"],
                required={"product_id": "catalogue.Product"},
            ),
        },
    )


ARTICLE = register(_article_spec())
