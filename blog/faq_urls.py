from django.urls import path

from blog import faq_views

app_name = "faq"
urlpatterns = [path("", faq_views.FAQView.as_view(), name="index")]
