"""Rows every environment needs, production included: the Site (absolute links), the
United Kingdom as the only shipping country (the Channel Islands and the Isle of
Man are outside UK VAT and not served) and the header's promises.

Data migrations call these with their historical app registry; the tests call
them with the live one to put the rows back after a transactional test empties
every table. Each is idempotent.
"""

from django.conf import settings

PROMISES = [
    ("chat", "Live Chat {hours}", 10),
    ("delivery", "FREE {method} Delivery on orders over {threshold}", 20),
    ("other", "FREE lifetime support", 30),
]


def site_and_country(apps) -> None:
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


def promises(apps) -> None:
    """The header's promises, unless staff have written their own."""
    StorePromise = apps.get_model("storefront", "StorePromise")
    if not StorePromise.objects.exists():
        for kind, text, position in PROMISES:
            StorePromise.objects.create(kind=kind, text=text, position=position)
