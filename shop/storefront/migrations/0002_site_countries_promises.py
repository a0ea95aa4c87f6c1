"""Rows the store needs in every environment, production included.

Checkout needs shipping countries, absolute links need the Site, and the
header needs its promises. Channel Islands and the Isle of Man are outside
UK VAT and not served, so the United Kingdom is the only shipping country.
"""

from django.db import migrations

from shop.storefront import seed as rows


def seed(apps, schema_editor):
    rows.site_and_country(apps)
    rows.promises(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("storefront", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
        ("address", "0007_useraddress_code"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
