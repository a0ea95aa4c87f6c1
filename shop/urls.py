"""Root URLconf: Oscar's shop at the site root, our own pages beside it, the admin."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("delivery/", include("shop.shipping.urls")),
    path("order-status/", include("shop.order.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:  # production serves media from the web server or object store
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
