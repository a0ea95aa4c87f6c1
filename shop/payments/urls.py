from django.urls import path

from shop.payments import webhooks

app_name = "payments"
urlpatterns = [path("stripe/webhook/", webhooks.stripe_webhook, name="stripe-webhook")]
