"""The hours the header has always promised: live chat 8am-8pm, every day (UK time)."""

from datetime import time

from django.db import migrations


def staff_eight_to_eight(apps, schema_editor):
    OpeningHours = apps.get_model("chat", "OpeningHours")
    for weekday in range(7):
        OpeningHours.objects.get_or_create(
            weekday=weekday, defaults={"opens": time(8, 0), "closes": time(20, 0)}
        )


class Migration(migrations.Migration):
    dependencies = [("chat", "0001_initial")]

    operations = [migrations.RunPython(staff_eight_to_eight, migrations.RunPython.noop)]
