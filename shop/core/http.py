"""Views that change data answer only POST (with Django's CSRF check), and where a
form may send the visitor afterwards."""

from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme


class PostOnlyMixin:
    """Refuse anything but POST before the view does any work.

    First in the bases, so it runs before a parent's ``dispatch`` (some of
    Oscar's create rows there). A GET, e.g. an old link or an image pointing
    here from someone else's message, gets a 405 page explaining what to do.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method != "POST":
            response = TemplateResponse(request, "405.html", status=405)
            response["Allow"] = "POST"
            return response
        return super().dispatch(request, *args, **kwargs)


def safe_next_path(request, value: str, fallback: str) -> str:
    """``value`` if it is a path on this site, else ``fallback`` (no open redirect)."""
    if value.startswith("/") and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return fallback
