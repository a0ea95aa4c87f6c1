"""Inline SVG icons for the storefront.

Drawn here (24 × 24, stroked in the text colour) so a page needs no icon font:
Oscar's Font Awesome file is 113 KB and would be the heaviest thing on a first
visit. Icons are decoration: hidden from assistive technology, always beside
words (or a visually hidden label) that say what the control does.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

PATHS = {
    "menu": '<path d="M4 6h16M4 12h16M4 18h16"/>',
    "search": '<circle cx="11" cy="11" r="7"/><path d="m20 20-4.2-4.2"/>',
    "user": '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4 3.6-7 8-7s8 3 8 7"/>',
    "basket": '<path d="M3 9h18l-2 11H5L3 9Z"/><path d="m8 9 4-6 4 6M9 13v4M15 13v4"/>',
    "chat": '<path d="M4 5h16v11H10l-6 4V5Z"/>',
    "sign-out": '<path d="M14 4h5v16h-5M10 8l-4 4 4 4M6 12h10"/>',
    "dashboard": '<path d="M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z"/>',
    "truck": '<path d="M2 6h12v10H2zM14 10h4l3 3v3h-7z"/><circle cx="6" cy="18" r="2"/>'
    '<circle cx="17" cy="18" r="2"/>',
    "lock": '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>',
    "return": '<path d="M9 14 4 9l5-5"/><path d="M4 9h10a6 6 0 0 1 0 12h-3"/>',
    "star": '<path fill="currentColor" d="m12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3'
    ' 1.3-6.6-4.9-4.6 6.6-.8z"/>',
    "close": '<path d="M6 6l12 12M18 6 6 18"/>',
    "check": '<path d="m5 12 5 5 9-10"/>',
    "leaf": '<path d="M5 19c0-8 5-14 15-15-1 10-7 15-15 15Z"/><path d="M5 19 13 11"/>',
}


@register.simple_tag
def icon(name: str, css_class: str = "") -> str:
    """The named icon as inline SVG; an unknown name is a template error, not a blank."""
    try:
        paths = PATHS[name]
    except KeyError:
        raise template.TemplateSyntaxError(f"No icon named {name!r}") from None
    return format_html(
        '<svg class="icon icon--{}{}" viewBox="0 0 24 24" width="24" height="24" fill="none"'
        ' stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"'
        ' aria-hidden="true" focusable="false">{}</svg>',
        name,
        f" {css_class}" if css_class else "",
        mark_safe(paths),  # noqa: S308 (constants above, no user input)
    )
