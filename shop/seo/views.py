"""robots.txt: crawl the shop and the blog, not the shopper's own pages."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

# Pages about one visitor (basket, checkout, account, order lookup), staff
# screens, drafts, and search results (endless thin pages).
PRIVATE = [
    "basket:summary",
    "checkout:index",
    "customer:summary",
    "order-status:lookup",
    "dashboard:index",
    "admin:index",
    "search:search",
]
PRIVATE_PATHS = ["/blog/preview/", "/newsletter/", "/legal/orders/"]


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    paths = sorted({reverse(name) for name in PRIVATE} | set(PRIVATE_PATHS))
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in paths], ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
