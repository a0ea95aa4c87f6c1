from django.urls import path

from shop.gateways import views

app_name = "test-payments"
urlpatterns = [
    path("<str:reference>/authenticate/", views.authenticate, name="authenticate"),
]
