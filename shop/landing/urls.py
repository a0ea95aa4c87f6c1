from django.urls import path

from shop.landing import views

app_name = "landing"
urlpatterns = [
    path("preview/<int:pk>/", views.LandingPagePreviewView.as_view(), name="preview"),
    path("<slug:slug>/", views.LandingPageView.as_view(), name="page"),
]
