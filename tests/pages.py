"""Reading pages in tests as a visitor or a crawler would: visible text, JSON-LD, meta tags."""

import html
import json
import re

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
