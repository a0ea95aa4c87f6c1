"""The export as a download: a JSON attachment no cache may keep."""

from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.utils.timezone import localdate

from shop.privacy.services import as_json


def json_attachment(data: dict, prefix: str) -> HttpResponse:
    response = HttpResponse(as_json(data), content_type="application/json; charset=utf-8")
    filename = f"{prefix}-{localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    add_never_cache_headers(response)  # no-store: personal data stays off shared caches
    return response
