"""Dashboard catalogue tables: the category search highlight, escaped.

Oscar's ``CategoryTable.render_name`` marks the category's full name safe to
wrap the searched words in ``<strong>``, so searching categories ran any
markup a category name held.
"""

from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from oscar.apps.dashboard.catalogue.tables import *  # noqa: F403
from oscar.apps.dashboard.catalogue.tables import CategoryTable as OscarCategoryTable


class CategoryTable(OscarCategoryTable):
    def render_name(self, value, record):
        url = reverse("dashboard:catalogue-category-update", args=[record.pk])
        searched = self.request.GET.get("name")
        if searched:
            full_name = escape(record.full_name)
            value = mark_safe(  # noqa: S308 (both sides escaped)
                full_name.replace(escape(value), f"<strong>{escape(value)}</strong>")
            )
        return format_html('<a href="{}">{}</a>', url, value)
