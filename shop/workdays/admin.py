from django.contrib import admin

from shop.workdays.models import Closure


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["reason", "first_day", "last_day"]
    date_hierarchy = "first_day"
