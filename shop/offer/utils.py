"""Offer utilities, with the range link escaped.

Oscar's ``range_anchor`` puts ``range.name`` into HTML unescaped, and the
dashboard prints benefit and condition descriptions built from it with
``|safe``: a range named ``<script>…`` ran in the browser of whoever opened
the offer list. Marketing writes range names; Managers read that list.
"""

from django.urls import reverse
from django.utils.html import format_html
from oscar.apps.offer.utils import *  # noqa: F403


def range_anchor(product_range) -> str:
    if product_range is None:  # a benefit or condition still being set up
        return "(no range chosen)"
    return format_html(
        '<a href="{}">{}</a>',
        reverse("dashboard:range-update", kwargs={"pk": product_range.pk}),
        product_range.name,
    )
