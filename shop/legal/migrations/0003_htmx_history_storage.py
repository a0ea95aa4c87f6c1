"""htmx's Back-button keys in session storage, found by the browser crawl of the pages."""

from django.db import migrations

from shop.legal import seed as rows


def seed(apps, schema_editor):
    rows.storage_items(apps)


class Migration(migrations.Migration):
    dependencies = [("legal", "0002_trader_pages_storage_items")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
