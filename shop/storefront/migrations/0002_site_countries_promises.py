"""Rows the store needs in every environment, production included.

Checkout needs shipping countries, absolute links need the Site, and the
header needs its promises. Channel Islands and the Isle of Man are outside
UK VAT and not served, so the United Kingdom is the only shipping country.
"""

from django.conf import settings
from django.db import migrations

PROMISES = [
    ("chat", "Live Chat 8am - 8pm", 10),
    ("delivery", "FREE Next Day Delivery on orders over £25", 20),
    ("other", "FREE lifetime support", 30),
]


def seed(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )
    Country = apps.get_model("address", "Country")
    Country.objects.update_or_create(
        iso_3166_1_a2="GB",
        defaults={
            "iso_3166_1_a3": "GBR",
            "iso_3166_1_numeric": "826",
            "printable_name": "United Kingdom",
            "name": "United Kingdom of Great Britain and Northern Ireland",
            "display_order": 1,
            "is_shipping_country": True,
        },
    )
    StorePromise = apps.get_model("storefront", "StorePromise")
    if not StorePromise.objects.exists():
        for kind, text, position in PROMISES:
            StorePromise.objects.create(kind=kind, text=text, position=position)


class Migration(migrations.Migration):
    dependencies = [
        ("storefront", "0001_initial"),
        ("sites", "0002_alter_domain_unique"),
        ("address", "0007_useraddress_code"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
