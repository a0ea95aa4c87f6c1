"""Absolute links to this site for e-mails, where there is no request to build them from."""

from django.conf import settings
from django.contrib.sites.models import Site


def site_url(path: str) -> str:
    """``path`` on the site's public domain (the Site row, DJANGO_SITE_DOMAIN)."""
    scheme = "https" if settings.SHOP_HTTPS else "http"
    return f"{scheme}://{Site.objects.get_current().domain}{path}"
