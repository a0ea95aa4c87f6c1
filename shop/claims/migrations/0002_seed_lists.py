from django.db import migrations

from shop.claims.seed import seed as seed_lists


def seed(apps, schema_editor):
    seed_lists(apps)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
