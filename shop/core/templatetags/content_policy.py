"""Form media under the Content-Security-Policy's nonce (staff pages only).

Widgets such as django-prose-editor's bring an inline ``<script type="importmap">``;
the admin renders ``{{ media }}`` without a nonce, so the policy would block it.
"""

from django import template
from js_asset import Media

register = template.Library()


@register.filter
def with_csp_nonce(media, request):
    """``media`` whose tags carry this response's nonce (asks for one: never cache the page)."""
    return Media.from_media(media, nonce=str(request.csp_nonce))
