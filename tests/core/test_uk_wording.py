"""Shoppers read British English: Oscar's "Shipping" and "Post/Zip-code" arrive as
Delivery and Postcode, from a catalogue the rules make and the repository keeps."""

import gettext

import pytest
from django.conf import settings
from django.urls import reverse

from shop.core import uk_wording
from tests import factories
from tests.checkout_steps import add_to_basket, start_as_guest
from tests.pages import text_of

FOLDER = settings.BASE_DIR / "locale" / "en_GB" / "LC_MESSAGES"


def test_uk_wording_committed_catalogue_is_what_the_rules_make():
    made = uk_wording.files()

    for name, content in made.items():
        assert (FOLDER / name).read_bytes() == content, (
            f"locale/en_GB/LC_MESSAGES/{name} is stale: run `manage.py make_uk_wording`"
        )


def test_uk_wording_the_catalogue_loads_as_gettext_reads_it():
    with (FOLDER / "django.mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)

    assert catalogue.gettext("Post/Zip-code") == "Postcode"
    assert catalogue.gettext("State/County") == "County"
    assert catalogue.gettext("Shipping method") == "Delivery method"
    assert catalogue.gettext("Shiping (inc. tax)") == "Delivery (inc. tax)"
    assert catalogue.gettext("Where should we ship to?") == "Where should we deliver to?"
    assert catalogue.gettext("Product title") == "Product title"  # untouched


def test_uk_wording_reads_plural_and_context_messages(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n\n'
        'msgctxt "Basket"\nmsgid "Shipping"\nmsgstr ""\n\n'
        'msgid "One shipping method"\nmsgid_plural "%(n)s shipping methods"\n'
        'msgstr[0] ""\nmsgstr[1] ""\n\n'
        'msgid ""\n"Ship to "\n"home"\nmsgstr ""\n',
        encoding="utf-8",
    )

    worded = uk_wording.catalogue(uk_wording.read_po(po))
    with_mo = tmp_path / "django.mo"
    with_mo.write_bytes(uk_wording.mo_bytes(worded))
    catalogue = gettext.GNUTranslations(with_mo.open("rb"))

    assert catalogue.pgettext("Basket", "Shipping") == "Delivery"
    assert catalogue.ngettext("One shipping method", "%(n)s shipping methods", 3) == (
        "%(n)s delivery methods"
    )
    assert catalogue.gettext("Ship to home") == "Deliver to home"


@pytest.mark.django_db
def test_uk_wording_checkout_address_form_asks_for_a_postcode(client):
    factories.delivery_methods()
    product = factories.product("Kefir grains", "14.99")
    add_to_basket(client, product)
    start_as_guest(client)

    text = text_of(client.get(reverse("checkout:shipping-address")))

    assert "Postcode" in text and "Zip" not in text and "State/" not in text
