from django.urls import path

from shop.order import views

app_name = "order-status"
urlpatterns = [
    path("", views.OrderLookupView.as_view(), name="lookup"),
    path("<str:number>/", views.OrderStatusView.as_view(), name="detail"),
]
