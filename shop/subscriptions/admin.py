"""Subscription offers in the admin, where Marketing and Managers edit them."""

from django.contrib import admin

from shop.subscriptions.models import SubscriptionOffer


@admin.register(SubscriptionOffer)
class SubscriptionOfferAdmin(admin.ModelAdmin):
    list_display = ["product", "weeks", "default_weeks", "saving_percent", "is_active"]
    list_filter = ["is_active"]
    list_editable = ["is_active"]
    list_select_related = ["product"]
    search_fields = ["product__title", "product__upc"]
    autocomplete_fields = ["product"]  # searched by title or UPC (Oscar's ProductAdmin)
    fields = ["product", "weeks", "default_weeks", "saving_percent", "is_active"]
