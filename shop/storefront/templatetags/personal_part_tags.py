"""``{% personal_part "name" %}``: one of the layout's personal parts (account links,
mini-basket, the footer's account link), marked for the page cache.

The marks (``<!--personal:NAME-->...<!--/personal-->``) let a cached page be served with
each visitor's own parts. The part itself comes from ``personal_parts.visitor_parts``,
which keeps a customer's parts while neither their basket nor the content changes, so a
rendered page (the account, the basket) does not load and price the basket for its
header. With the page cache off the part is rendered as an include would.
"""

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from shop.core.memo import per_request
from shop.storefront import personal_parts
from shop.storefront.page_cache import with_token

register = template.Library()


@register.simple_tag(takes_context=True)
def personal_part(context, name: str):
    if name not in personal_parts.PARTS:
        raise template.TemplateSyntaxError(f"No personal part named {name!r}")
    request = context.get("request")
    if request is None or not settings.SHOP_PAGE_CACHE_SECONDS:
        html = context.template.engine.get_template(personal_parts.PARTS[name]).render(context)
    else:
        parts = per_request(request, "parts", lambda: personal_parts.visitor_parts(request))
        html = with_token(request, parts[name]).decode()
    return mark_safe(f"<!--personal:{name}-->{html}<!--/personal-->")  # noqa: S308 (rendered templates)
