"""Reading pages in tests as a visitor or a crawler would: visible text, JSON-LD, meta tags."""

import html
import json
import re
from html.parser import HTMLParser

INLINE_TAGS = r"</?(?:strong|em|b|i|a|span|abbr)\b[^>]*>"


def text_of(response) -> str:
    """The page's visible text as a reader meets it, whitespace collapsed."""
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    page = re.sub(r"<[^>]+>", " ", re.sub(INLINE_TAGS, "", page))
    return html.unescape(re.sub(r"\s+", " ", page)).replace(" .", ".").replace(" ,", ",")


def jsonld(response) -> list[dict]:
    """Every JSON-LD block on the page, parsed (a broken block fails the test)."""
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return [json.loads(block) for block in blocks]


def by_type(blocks, kind):
    return next(block for block in blocks if block["@type"] == kind)


def meta(response, key: str) -> str | None:
    """The content of <meta property|name="key">, unescaped; None if absent."""
    match = re.search(
        rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', response.content.decode()
    )
    return html.unescape(match.group(1)) if match else None


def canonical(response) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]*)">', response.content.decode())
    return html.unescape(match.group(1)) if match else None


class _FormReader(HTMLParser):
    """Collects what a browser would submit from one form, as first rendered."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None
        self._first = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or ("name" not in attrs and tag != "option"):
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if attrs.get("type") in ("checkbox", "radio") else ""
            self.data[attrs["name"]] = attrs.get("value", default)
        elif tag == "select":
            self._select, self._first = attrs["name"], True
        elif tag == "option" and self._select:
            if self._first or "selected" in attrs:  # browsers send the first unless one is chosen
                self.data[self._select] = attrs.get("value", "")
            self._first = False
        elif tag == "textarea":
            self._textarea = attrs["name"]
            self.data[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def form_data(response, form_id: str) -> dict:
    """The fields of form ``form_id`` with the values the page rendered, ready to post
    back with changes (checkboxes only when ticked, like a browser)."""
    reader = _FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data
