"""Sanitise the staff-written HTML stored before it was sanitised on save.

Uses the historical models (no signals fire), so it cleans each field itself
with the same sanitiser; rows are written only where the text changes.
"""

from django.db import migrations

# The fields as they were when this ran (shop.core.staff_html.HTML_FIELDS).
HTML_FIELDS = {
    "catalogue.Product": ("description",),
    "catalogue.Category": ("description", "long_description"),
    "catalogue.ProductAttributeValue": ("value_richtext",),
    "offer.ConditionalOffer": ("description",),
    "offer.Range": ("description",),
    "flatpages.FlatPage": ("content",),
    "blog.Author": ("bio",),
    "blog.Section": ("body",),
    "blog.FAQEntry": ("answer",),
    "communication.Notification": ("subject", "body"),
}


def sanitise_stored_html(apps, schema_editor):
    from shop.core.sanitise import sanitise_html

    for label, fields in HTML_FIELDS.items():
        model = apps.get_model(label)
        for row in model.objects.only("pk", *fields).iterator(chunk_size=500):
            changed = {}
            for name in fields:
                value = getattr(row, name)
                if value and sanitise_html(value) != value:
                    changed[name] = sanitise_html(value)
            if changed:
                model.objects.filter(pk=row.pk).update(**changed)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0034_product_no_weekend_transit"),
        ("offer", "0013_range_excluded_categories"),
        ("flatpages", "0001_initial"),
        ("blog", "0002_faq_products_and_reserved_slugs"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [migrations.RunPython(sanitise_stored_html, migrations.RunPython.noop)]
