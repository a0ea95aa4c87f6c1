from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from shop.seo import views
from shop.seo.sitemaps import SITEMAPS

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
]
