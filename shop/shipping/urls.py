from django.urls import path

from shop.shipping.views import DeliveryInformationView

app_name = "delivery"
urlpatterns = [path("", DeliveryInformationView.as_view(), name="information")]
