"""Search-result snippets: a window of plain text around the first match, escaped,
with the matched words in <mark>.

Matching is on folded text (no case, no accents) and by stem, so "ferments"
highlights "fermented" and "kepos" highlights "kēpos".
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from shop.core.text import fold, plain_text

WORD = re.compile(r"\w+", re.UNICODE)


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` and, for each folded character, the index of its source character."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for piece in fold(char):
            folded.append(piece)
            positions.append(index)
    return "".join(folded), positions


def highlight(html_or_text: str, stems: tuple[str, ...], *, length: int = 180) -> SafeString:
    """Up to ``length`` characters around the first word starting with one of ``stems``."""
    text = plain_text(html_or_text)
    folded, positions = _folded_with_positions(text)
    spans = []
    for match in WORD.finditer(folded):
        if any(match.group().startswith(stem) for stem in stems):
            spans.append((positions[match.start()], positions[match.end() - 1] + 1))
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    parts, cursor = [], start
    for first, last in spans:
        if first < start or last > end:
            continue
        parts.append(escape(text[cursor:first]))
        parts.append(f"<mark>{escape(text[first:last])}</mark>")
        cursor = last
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)  # noqa: S308 (every piece escaped)
