from django.contrib import admin

from shop.storefront.models import StorePromise


@admin.register(StorePromise)
class StorePromiseAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "link", "position", "is_active"]
    list_editable = ["position", "is_active"]
