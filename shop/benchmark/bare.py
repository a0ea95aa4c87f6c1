"""The yardstick: one Django view answering "ok", with no middleware, database or
templates, served by gunicorn exactly as the store is. A page's speed is judged as a
fraction of this view's throughput measured minutes apart on the same machine.

Run as ``DJANGO_SETTINGS_MODULE=shop.benchmark.bare gunicorn shop.benchmark.bare``.
"""

from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bare-view-for-the-benchmark-only"  # noqa: S105 (it signs nothing)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
USE_TZ = True


def ok(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("", ok)]

application = get_wsgi_application()
