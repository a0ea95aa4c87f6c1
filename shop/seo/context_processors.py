"""The page's canonical URL: its path without query parameters, except the page number."""

from django.utils.functional import SimpleLazyObject


def canonical_url(request) -> str:
    url = request.build_absolute_uri(request.path)
    page = request.GET.get("page", "")
    if page.isdigit() and page != "1":
        url += f"?page={page}"
    return url


def seo(request):
    return {"canonical_url": SimpleLazyObject(lambda: canonical_url(request))}
