"""The delivery promise quotes the headline delivery method instead of a copy of it."""

from django.db import migrations

OLD = "FREE Next Day Delivery on orders over £25"
NEW = "FREE {method} Delivery on orders over {threshold}"


def forwards(apps, schema_editor):
    apps.get_model("storefront", "StorePromise").objects.filter(kind="delivery", text=OLD).update(
        text=NEW
    )


def backwards(apps, schema_editor):
    apps.get_model("storefront", "StorePromise").objects.filter(kind="delivery", text=NEW).update(
        text=OLD
    )


class Migration(migrations.Migration):
    dependencies = [("storefront", "0003_promise_placeholders")]

    operations = [migrations.RunPython(forwards, backwards)]
