"""The trader's (demonstration) details, the first version of each legal page and the
cookie inventory: every environment needs them from the first migrate."""

from django.db import migrations

from shop.legal import seed as rows


def seed(apps, schema_editor):
    rows.all_rows(apps)


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
