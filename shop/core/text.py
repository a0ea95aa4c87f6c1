"""HTML to plain text for meta descriptions, JSON-LD and feeds."""

import re
import unicodedata
from html import unescape

import nh3

# Tags that end a block of text: a space keeps "milk.</p><p>Both" as two sentences.
BLOCK_END = re.compile(r"<(?:/(?:p|div|li|h[1-6]|blockquote|td|th|tr)|br\s*/?)>", re.I)


def plain_text(html) -> str:
    """The words of ``html``: tags (and script/style contents) removed, entities decoded,
    whitespace collapsed."""
    text = nh3.clean(BLOCK_END.sub(" ", str(html or "")), tags=set(), attributes={})
    return " ".join(unescape(text).split())


def fold(text: str) -> str:
    """Lower case without accents, so "kepos" finds "kēpos" (static/shop/js/faq.js does
    the same in the browser, and SQLite search calls it as ``kp_fold``)."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def first_free(base: str, is_taken) -> str:
    """``base``, or ``base-2``, ``base-3``... the first that ``is_taken`` says is free
    (anchors and slugs made from headings and questions)."""
    candidate, n = base, 2
    while is_taken(candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate
