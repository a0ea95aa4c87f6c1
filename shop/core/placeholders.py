"""Staff-written text with live values: "FREE {method} delivery over {threshold}".

One syntax (``{name}``), one check (a name the text may not use is refused at
the field, saying which it may), one renderer (values escaped into HTML, or
left as plain text for templates to escape). Text whose value is missing (the
rule it quotes is gone) is not shown at all rather than shown wrong. Used by
the promise strip and FAQ answers.
"""

import re
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def names_in(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text or ""))


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def check(text: str, offered: Iterable[str], field: str) -> None:
    """Refuse ``text`` if it uses a name outside ``offered`` (a ValidationError on ``field``)."""
    offered = set(offered)
    unknown = names_in(text) - offered
    if unknown:
        allowed = _listed(offered)
        message = f"Unknown placeholder {_listed(unknown)}; this text may use: {allowed}."
        raise ValidationError({field: message})


def fill(text: str, values: dict[str, str]) -> str | None:
    """Plain ``text`` with its placeholders filled, or None if a value is missing."""
    if not names_in(text) <= values.keys():
        return None
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def fill_html(html: str, values: dict[str, str]) -> SafeString | None:
    """Sanitised ``html`` with its placeholders filled (values escaped), or None."""
    if not names_in(html) <= values.keys():
        return None
    filled = PLACEHOLDER.sub(lambda match: escape(values[match.group(1)]), html)
    return mark_safe(filled)  # noqa: S308 (html is nh3-sanitised on save; values are escaped)
