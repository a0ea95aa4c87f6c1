"""The demo-data command: a full catalogue, idempotent, demo accounts only with DEBUG."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.forms.models import model_to_dict
from django.test import override_settings
from django.utils.html import escape
from oscar.core.loading import get_model

from shop.partner.strategy import UKStrategy
from shop.roles import roles_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

DEMO_MODELS = [
    ("catalogue", "Category"),
    ("catalogue", "ProductClass"),
    ("catalogue", "ProductAttribute"),
    ("catalogue", "Product"),
    ("catalogue", "ProductAttributeValue"),
    ("catalogue", "ProductCategory"),
    ("catalogue", "ProductImage"),
    ("partner", "Partner"),
    ("partner", "StockRecord"),
    ("auth", "User"),
    ("shipping", "OrderAndItemCharges"),
    ("subscriptions", "SubscriptionOffer"),
    ("landing", "LandingPage"),
    ("landing", "Block"),
]


def snapshot() -> dict:
    """Every field of every row the command touches."""
    return {
        f"{app}.{name}": sorted(
            (
                str(sorted(model_to_dict(row).items(), key=str))
                for row in apps.get_model(app, name).objects.all()
            ),
        )
        for app, name in DEMO_MODELS
    }


def test_demo_catalogue_has_both_lines_with_sizes_and_images():
    call_command("load_demo_data", verbosity=0)

    assert Product.objects.filter(parent=None).count() >= 10
    assert Product.objects.filter(structure=Product.CHILD).count() >= 4
    assert not Product.objects.exclude(structure=Product.CHILD).filter(images=None).exists()
    assert set(ProductClass.objects.values_list("name", "vat_rate")) >= {
        ("Milk kefir drink", 0),
        ("Water kefir drink", 20),
        ("Kefir culture", 0),
        ("Food supplement", 20),
        ("Kit or equipment", 20),
    }
    strategy = UKStrategy()
    for child in Product.objects.filter(structure=Product.CHILD):
        assert strategy.fetch_for_product(child).availability.is_available_to_buy


@override_settings(DEBUG=True)
def test_running_the_command_twice_changes_nothing():
    call_command("load_demo_data", verbosity=0)
    first = snapshot()

    call_command("load_demo_data", verbosity=0)

    assert snapshot() == first


@override_settings(DEBUG=False)
def test_demo_accounts_are_not_created_without_debug():
    call_command("load_demo_data", verbosity=0)

    assert not get_user_model().objects.exists()


@override_settings(DEBUG=True)
def test_demo_accounts_are_created_with_debug():
    call_command("load_demo_data", verbosity=0)

    users = get_user_model().objects.filter(is_staff=True)
    assert {tuple(roles_of(user)) for user in users} == {
        ("Customer service",),
        ("Managers",),
        ("Marketing",),
        ("Order staff",),
    }
    assert not users.filter(is_superuser=True).exists()
    assert all(user.check_password("kepos-demo-2026") for user in users)


def test_demo_subscription_offers_cover_the_capsules_drinks_and_grains():
    from shop.subscriptions.models import SubscriptionOffer, offer_for

    call_command("load_demo_data", verbosity=0)

    assert SubscriptionOffer.objects.count() == 6
    capsules = Product.objects.get(title="kēpos daily gut health, 30-day supply")
    assert offer_for(capsules).frequencies == [4, 8, 12]
    grains = Product.objects.get(title="Live Milk Kefir Grains")
    assert offer_for(grains).saving_percent == 5
    assert offer_for(Product.objects.get(title="Milk Kefir Starter Kit")) is None


@override_settings(DEBUG=True)
def test_demo_customer_has_an_active_subscription_to_the_capsules_once():
    from shop.subscriptions import ordering
    from shop.subscriptions.models import Subscription

    call_command("load_demo_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)

    subscription = Subscription.objects.get(user__email="customer@kepos.example")
    assert subscription.status == Subscription.Status.ACTIVE
    assert subscription.product.title == "kēpos daily gut health, 30-day supply"
    assert subscription.card.label == "Visa ending 4242"
    assert subscription.user.check_password("kepos-demo-2026")
    assert not subscription.user.is_staff
    assert ordering.preview(subscription).total > 0


@override_settings(DEBUG=False)
def test_demo_customer_is_not_created_without_debug():
    from shop.subscriptions.models import Subscription

    call_command("load_demo_data", verbosity=0)

    assert not Subscription.objects.exists()


def test_demo_home_page_is_a_landing_page_with_no_claims_flags(client):
    from shop.claims import checker
    from shop.landing.models import LandingPage

    call_command("load_demo_data", verbosity=0)

    home = LandingPage.objects.home()
    kinds = list(home.blocks.values_list("kind", flat=True))
    assert kinds == ["hero", "benefits", "lines", "steps", "science", "faq", "newsletter"]
    assert checker.check(home.claims_parts()) == []
    assert all(block.articles.exists() for block in home.blocks.filter(kind="science"))
    assert home.blocks.get(kind="faq").faq_entries.count() == 4
    response = client.get("/")
    assert "Look after the gut that looks after you" in response.content.decode()
    hero = home.blocks.get(kind="hero")
    assert f'alt="{escape(hero.image_alt)}"' in response.content.decode()
