"""Template tags for articles: citations as links, hero image srcsets."""

import re

from django import template
from django.utils.safestring import mark_safe

from blog.images import card_rendition, hero_picture
from blog.models import CITATION

register = template.Library()
TAG_OR_TEXT = re.compile(r"(<[^>]+>)")


def _link_numbers(match, known: set[int]) -> str:
    def link(number_text: str) -> str:
        number = int(number_text)
        if number not in known:
            return number_text
        return (
            f'<a href="#ref-{number}" class="citation" aria-label="Reference {number}">{number}</a>'
        )

    inner = re.sub(r"\d+", lambda m: link(m.group(0)), match.group(1))
    return f'<span class="cite">[{inner}]</span>'


@register.filter
def link_citations(html: str, references) -> str:
    """Turn [1], [2, 3] and [4–6] in sanitised text into links to the reference list."""
    known = {reference.number for reference in references}
    parts = TAG_OR_TEXT.split(html or "")
    for index, part in enumerate(parts):
        if part and not part.startswith("<"):
            parts[index] = CITATION.sub(lambda m: _link_numbers(m, known), part)
    return mark_safe("".join(parts))  # noqa: S308 (input is nh3-sanitised; we add only links)


@register.simple_tag(name="hero_picture")
def hero_picture_tag(image):
    """``{% hero_picture image as pic %}``: at the widths made on save (blog.images)."""
    return hero_picture(image)


@register.simple_tag
def card_image(article):
    return card_rendition(article.hero_image) if article.hero_image else None
