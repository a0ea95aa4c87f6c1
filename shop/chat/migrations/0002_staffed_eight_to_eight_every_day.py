"""The hours the header has always promised: live chat 8am-8pm, every day (UK time)."""

from django.db import migrations

from shop.chat import seed


def staff_eight_to_eight(apps, schema_editor):
    seed.opening_hours(apps)


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_initial")]

    operations = [migrations.RunPython(staff_eight_to_eight, migrations.RunPython.noop)]
