from django.urls import path

from shop.privacy import views

app_name = "privacy"

urlpatterns = [
    path("", views.PrivacyIndexView.as_view(), name="index"),
    path("export/", views.export, name="export"),
    path("delete/", views.DeleteAccountView.as_view(), name="delete"),
]
