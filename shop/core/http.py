"""Views that change data answer only POST (with Django's CSRF check)."""

from django.template.response import TemplateResponse


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
