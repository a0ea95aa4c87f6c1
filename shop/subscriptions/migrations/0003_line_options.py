"""The product options that mark a basket or order line as a subscription."""

from django.db import migrations

OPTIONS = [
    ("deliver-every", "Deliver every (weeks)"),
    ("subscription-saving", "Subscription saving (%)"),
]


def create_options(apps, schema_editor):
    Option = apps.get_model("catalogue", "Option")
    for code, name in OPTIONS:
        Option.objects.get_or_create(code=code, defaults={"name": name, "required": False})


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0002_subscriptions"),
        ("catalogue", "0034_product_no_weekend_transit"),
    ]

    operations = [migrations.RunPython(create_options, migrations.RunPython.noop)]
