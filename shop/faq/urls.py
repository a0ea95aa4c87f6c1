from django.urls import path

from shop.faq import views

app_name = "faq"
urlpatterns = [path("", views.FAQView.as_view(), name="index")]
