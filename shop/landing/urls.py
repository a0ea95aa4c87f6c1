from django.urls import path

from shop.landing import views

app_name = "landing"
urlpatterns = [path("<slug:slug>/", views.LandingPageView.as_view(), name="page")]
