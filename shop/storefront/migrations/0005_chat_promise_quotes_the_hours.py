"""The live-chat promise quotes the chat's opening hours instead of a copy of them."""

from django.db import migrations

OLD = "Live Chat 8am - 8pm"
NEW = "Live Chat {hours}"


def forwards(apps, schema_editor):
    apps.get_model("storefront", "StorePromise").objects.filter(kind="chat", text=OLD).update(
        text=NEW
    )


def backwards(apps, schema_editor):
    apps.get_model("storefront", "StorePromise").objects.filter(kind="chat", text=NEW).update(
        text=OLD
    )


class Migration(migrations.Migration):
    dependencies = [("storefront", "0004_delivery_promise_quotes_the_rule")]

    operations = [migrations.RunPython(forwards, backwards)]
