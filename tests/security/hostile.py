"""A hostile payload, a way to put it in every text field, and a reader that finds it
wherever it escaped into live markup.

The payload is a set of classic vectors (script, event handlers, ``javascript:``
and ``data:`` links, SVG, style, iframe, attribute break-outs, mutation XSS),
each calling ``xss7731()``, so a page is unsafe exactly when that marker shows
up somewhere a browser would run it.
"""

import re
from html.parser import HTMLParser

from django.db import models

MARKER = "xss7731"
CALL = f"{MARKER}()"

VECTORS = [
    f'"><svg onload={CALL}>',
    f"'><b onmouseover={CALL}>",
    f"<script>{CALL}</script>",
    f"<img src=x onerror={CALL}>",
    f'<a href="javascript:{CALL}">j</a>',
    f'<a href=" jav&#x09;ascript:{CALL}">t</a>',
    f'<iframe src="data:text/html,{MARKER}"></iframe>',
    f'<style>@import "{MARKER}";</style>',
    f"<svg><script>{CALL}</script></svg>",
    f'<p style="background:url(javascript:{CALL})">s</p>',
    f'<noscript><p title="</noscript><img src=x onerror={CALL}>"></noscript>',
    f"<math><mtext><table><mglyph><style><img src=x onerror={CALL}>",
    f'<form action="javascript:{CALL}"><button>f</button></form>',
    f'<object data="data:text/html,{MARKER}"></object>',
]
PAYLOAD = "Hostile " + "".join(VECTORS)
SHORTEST = len(VECTORS[0]) + len("Hostile ")


def payload(max_length: int | None = None) -> str:
    """As many vectors as fit in ``max_length`` characters (all of them without a limit)."""
    if max_length is None:
        return PAYLOAD
    text = "Hostile "
    for vector in VECTORS:
        if len(text) + len(vector) <= max_length:
            text += vector
    return text


# Text fields that cannot hold markup because they are identifiers, not prose:
# validated formats (slugs, codes, URLs, e-mail), or values code compares.
NOT_PROSE = {
    "slug",
    "code",
    "upc",
    "url",
    "number",
    "key",
    "password",
    "username",
    "email",
    "postcode",
    "proxy_class",
    "anchor",
    "doi",
    "pmid",
    "path",
    "template_name",
    "currency",
    "tax_code",
    "session_key",
    "status",
    "content_type",
}


def prose_fields(model) -> list[models.Field]:
    """The model's free-text fields a person types prose into."""
    fields = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.SlugField | models.EmailField | models.URLField):
            continue
        if field.choices or field.primary_key or not field.editable:
            continue
        if field.name in NOT_PROSE or field.name.endswith(("_code", "_key", "_url", "_slug")):
            continue
        if field.max_length is not None and field.max_length < SHORTEST:
            continue
        fields.append(field)
    return fields


def fill(instance, *, skip: tuple[str, ...] = (), save: bool = True):
    """Put the payload in every prose field of ``instance`` (as long as each allows)."""
    for field in prose_fields(type(instance)):
        if field.name not in skip:
            setattr(instance, field.attname, payload(field.max_length))
    if save:
        instance.save()
    return instance


JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"}
DANGEROUS_TAGS = {"script", "style", "iframe", "object", "embed", "svg", "math", "base", "frame"}


class _Finder(HTMLParser):
    """Collects every place the marker is live markup rather than text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._raw: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self._check_tag(tag, attrs, self.get_starttag_text() or "")
        if tag in ("script", "style"):
            self._raw = (tag, dict(attrs))

    def handle_startendtag(self, tag, attrs):
        self._check_tag(tag, attrs, self.get_starttag_text() or "")

    def handle_endtag(self, tag):
        if self._raw and self._raw[0] == tag:
            self._raw = None

    def handle_data(self, data):
        if not self._raw or MARKER not in data:
            return
        tag, attrs = self._raw
        if tag == "script" and attrs.get("type") in JSON_SCRIPT_TYPES and "<" not in data:
            return  # JSON data, escaped like json_script: it cannot close the element
        self.problems.append(f"<{tag}> containing {data.strip()[:120]!r}")

    def _check_tag(self, tag, attrs, source):
        for name, value in attrs:
            value = value or ""
            squeezed = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
            if MARKER in name:
                self.problems.append(f"attribute name from user text: {source[:160]!r}")
            elif name.startswith("on") and MARKER in value:
                self.problems.append(f"event handler: {source[:160]!r}")
            elif name == "style" and MARKER in value:
                self.problems.append(f"style attribute: {source[:160]!r}")
            elif (
                name in URL_ATTRIBUTES
                and MARKER in value
                and squeezed.startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.problems.append(f"script URL: {source[:160]!r}")
        attributes = {name: (value or "") for name, value in attrs}
        refresh = tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh"
        if refresh and MARKER in attributes.get("content", ""):
            self.problems.append(f"meta refresh: {source[:160]!r}")
        if tag in DANGEROUS_TAGS and MARKER in source:
            self.problems.append(f"<{tag}> from user text: {source[:160]!r}")


def live_markup(html: str) -> list[str]:
    """Where the payload's marker is live markup in ``html`` (empty when the page is safe)."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.problems
