"""The one sanitiser, and the one rich-text model field, for HTML that people
write (articles, FAQ answers, product, category, offer, range and page
descriptions).

Whoever writes rich text is hostile to whoever reads it, staff included: Oscar
prints several of these fields with ``|safe`` in the storefront and the
dashboard, so they must already be safe when stored. The allow-list is the
blog editor's (django-prose-editor builds nh3's from its extensions), so what
the editor can make is exactly what the server keeps: paragraphs, emphasis,
level 3-4 headings, lists, quotes, tables and http/https/mailto links. No
scripts, styles, event handlers, SVG, frames, images or ``data:`` links.
"""

from functools import cache

import nh3
from django.utils.safestring import SafeString, mark_safe
from django_prose_editor.fields import ProseEditorField

# What marketers may put in rich text: the editor offers exactly this, and the
# server keeps exactly this.
RICH_TEXT = {
    "Bold": True,
    "Italic": True,
    "HardBreak": True,
    "Heading": {"levels": [3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
}


# Documents that stand alone under the page's title (the legal pages) start their
# own sections at level 2.
DOCUMENT_TEXT = {**RICH_TEXT, "Heading": {"levels": [2, 3]}}
_EXTENSIONS = {"rich": RICH_TEXT, "document": DOCUMENT_TEXT}


@cache
def _cleaner(kind: str = "rich") -> nh3.Cleaner:
    # Imported here: the editor's configuration reads Django settings.
    from django_prose_editor.config import allowlist_from_extensions, expand_extensions

    allowlist = allowlist_from_extensions(expand_extensions(_EXTENSIONS[kind]))
    # Every link leaves with rel="noopener noreferrer nofollow"; authors cannot set rel.
    allowlist["attributes"] = {
        tag: {name for name in names if name != "rel"}
        for tag, names in allowlist["attributes"].items()
    }
    allowlist["link_rel"] = "noopener noreferrer nofollow"
    return nh3.Cleaner(**allowlist)


def sanitise_html(html: str | None) -> str:
    """``html`` reduced to the rich-text allow-list; idempotent, so saving twice is harmless.

    An editor's empty document (``<p></p>``) becomes "" so blank means blank.
    """
    cleaned = _cleaner().clean(str(html or "")).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


def sanitise_document(html: str | None) -> str:
    """As ``sanitise_html``, allowing the level 2 headings of a stand-alone document."""
    cleaned = _cleaner("document").clean(str(html or "")).strip()
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned


def safe_html(html: str | None) -> SafeString:
    """Sanitised ``html`` marked safe, for templates (defence in depth for stored fields)."""
    return mark_safe(sanitise_html(html))  # noqa: S308 (nh3 output)


def rich_text_field(**options) -> ProseEditorField:
    """A model field for rich text people write: the editor offers ``RICH_TEXT``
    and the field keeps only that, whoever saves it."""
    return ProseEditorField(extensions=RICH_TEXT, sanitize=sanitise_html, **options)


def document_field(**options) -> ProseEditorField:
    """A rich-text field for a whole document (a legal page): headings from level 2."""
    return ProseEditorField(extensions=DOCUMENT_TEXT, sanitize=sanitise_document, **options)
