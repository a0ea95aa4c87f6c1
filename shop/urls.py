"""Root URLconf: Oscar's shop at the site root, our own pages beside it, the admin."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from blog.product_picker import ProductPickerView
from shop.core.health import health

lazy_static = lazy(static_url, str)  # resolved per request, after the manifest is loaded

admin.site.site_header = "kēpos back office"
admin.site.site_title = "kēpos back office"
admin.site.index_title = "Blog, FAQ and site content"

urlpatterns = [
    # Browsers ask for /favicon.ico on pages that do not name an icon (the admin).
    path("favicon.ico", RedirectView.as_view(url=lazy_static("shop/img/favicon.svg"))),
    path("health/", health, name="health"),
    # Django's admin autocomplete, answering an article's product picker with products
    # and their prices (blog/product_picker.py); the same path, so the widgets find it.
    path(
        "admin/autocomplete/",
        admin.site.admin_view(ProductPickerView.as_view(admin_site=admin.site)),
    ),
    path("admin/", admin.site.urls),
    path("blog/", include("blog.urls")),
    path("faq/", include("shop.faq.urls")),
    path("p/", include("shop.landing.urls")),
    path("chat/", include("shop.chat.urls")),
    path("accounts/two-factor/", include("shop.twofactor.urls")),
    path("accounts/subscriptions/", include("shop.subscriptions.urls")),
    path("accounts/privacy/", include("shop.privacy.urls")),
    path("newsletter/", include("shop.newsletter.urls")),
    path("legal/", include("shop.legal.urls")),
    # The privacy notice moved to the versioned legal pages; old links still work.
    path("privacy/", RedirectView.as_view(url="/legal/privacy/", permanent=True), name="privacy"),
    path("", include("shop.seo.urls")),
    path("delivery/", include("shop.shipping.urls")),
    path("order-status/", include("shop.order.urls")),
    path("payments/test/", include("shop.gateways.urls")),
    path("payments/", include("shop.payments.urls")),
    path("", include(apps.get_app_config("oscar").urls[0])),
]

if settings.DEBUG:  # production serves media from the web server or object store
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
