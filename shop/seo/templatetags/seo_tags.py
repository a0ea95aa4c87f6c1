"""Template tags for page metadata: JSON-LD blocks and capturing a block's output.

``capture`` lets the base template render the title and description blocks
once and reuse the text for Open Graph and Twitter tags, so a page that
overrides ``title`` sets all three.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

from shop.core.text import plain_text

register = template.Library()
register.filter("plain_text", plain_text)


@register.simple_tag
def ld_json(data):
    """JSON-LD in a script element, escaped like json_script so "</script>" cannot end it."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _json_script_escapes
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)  # so child templates can override blocks inside

    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Already rendered (and so escaped) template output; whitespace collapsed.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture name %}...{% endcapture %}``: render the body into ``name``."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("Usage: {% capture name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[1])
