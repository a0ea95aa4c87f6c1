"""Load the demo catalogue and demo accounts, idempotently.

Every object is found by a natural key (category path, product class name,
attribute code, product code, partner SKU) and created only when missing,
so a second run changes nothing, and staff edits to demo rows survive.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model

from shop import roles
from shop.demo import food_labels
from shop.demo.catalogue_data import (
    CATEGORIES,
    DELIVERY_METHODS,
    PRODUCT_CLASSES,
    PRODUCTS,
    SUBSCRIPTION_OFFERS,
)
from shop.demo.photos import add_line_photo, add_product_photos
from shop.labelling.models import NutritionDeclaration, SupplementFacts, SupplementIngredient
from shop.subscriptions.models import SubscriptionOffer

Category = get_model("catalogue", "Category")
DeliveryMethod = get_model("shipping", "OrderAndItemCharges")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")

PARTNER_NAME = "kēpos Ltd"

# Demo sign-ins, one per role, created only when DEBUG is on. Never in production.
DEMO_ACCOUNTS = [
    {"email": "manager@kepos.example", "role": roles.MANAGERS},
    {"email": "orders@kepos.example", "role": roles.ORDER_STAFF},
    {"email": "service@kepos.example", "role": roles.CUSTOMER_SERVICE},
    {"email": "marketing@kepos.example", "role": roles.MARKETING},
]
DEMO_PASSWORD = "kepos-demo-2026"  # noqa: S105 (local demo only; DEBUG-gated)
# The demo staff's authenticator secret (hex; JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP in an
# app). Two-factor sign-in is required only with DEBUG off, where demo accounts never exist.
DEMO_TOTP_KEY = "48656c6c6f21deadbeef48656c6c6f21deadbeef"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)

    def add(self, kind: str, name: str) -> None:
        self.created.append(f"{kind}: {name}")


@transaction.atomic
def load_demo_catalogue() -> LoadReport:
    report = LoadReport()
    categories = _categories(report)
    classes = _product_classes(report)
    partner, created = Partner.objects.get_or_create(name=PARTNER_NAME)
    if created:
        report.add("partner", PARTNER_NAME)
    for spec in PRODUCTS:
        _product(spec, categories, classes, partner, report)
    _delivery_methods(report)
    _subscription_offers(report)
    return report


def _subscription_offers(report: LoadReport) -> None:
    for spec in SUBSCRIPTION_OFFERS:
        product = Product.objects.get(title=spec["title"], parent__isnull=True)
        _, created = SubscriptionOffer.objects.get_or_create(
            product=product,
            defaults={
                "weeks": spec["weeks"],
                "default_weeks": spec["default"],
                "saving_percent": spec["saving"],
            },
        )
        if created:
            report.add("subscription offer", spec["title"])


def _delivery_methods(report: LoadReport) -> None:
    for spec in DELIVERY_METHODS:
        _, created = DeliveryMethod.objects.get_or_create(
            name=spec["name"], defaults={k: v for k, v in spec.items() if k != "name"}
        )
        if created:
            report.add("delivery method", spec["name"])


def _categories(report: LoadReport) -> dict[str, object]:
    categories = {}
    for path, description in CATEGORIES.items():
        category = create_from_breadcrumbs(path)
        if not category.description:
            category.description = f"<p>{description}</p>"
            category.save()
            report.add("category", path)
        add_line_photo(category)
        categories[path] = category
    return categories


def _product_classes(report: LoadReport) -> dict[str, object]:
    classes = {}
    for name, spec in PRODUCT_CLASSES.items():
        product_class, created = ProductClass.objects.get_or_create(
            name=name,
            defaults={
                "vat_rate": spec["vat_rate"],
                "food_kind": spec["food_kind"],
                "cancellation_exception": spec["cancellation_exception"],
            },
        )
        if created:
            report.add("product class", name)
        elif (
            not product_class.cancellation_reviewed
            and product_class.cancellation_exception != spec["cancellation_exception"]
        ):  # a demo database from before the exceptions were recorded
            product_class.cancellation_exception = spec["cancellation_exception"]
            product_class.save(update_fields=["cancellation_exception"])
        for code, label, kind, required in spec["attributes"]:
            ProductAttribute.objects.get_or_create(
                product_class=product_class,
                code=code,
                defaults={"name": label, "type": kind, "required": required},
            )
        classes[name] = product_class
    return classes


def _product(spec, categories, classes, partner, report: LoadReport) -> None:
    existing = Product.objects.filter(code=spec["code"]).first()
    if existing is not None:
        _add_missing_packs(spec)
        _add_food_label(existing, spec)
        return
    children = spec.get("children", [])
    product = Product.objects.create(
        code=spec["code"],
        structure=Product.PARENT if children else Product.STANDALONE,
        title=spec["title"],
        description=spec["description"],
        product_class=classes[spec["class"]],
        priority=spec.get("priority", 0),
        no_weekend_transit=spec.get("no_weekend_transit", False),
        **_pack(spec),
    )
    _set_attributes(product, spec.get("attributes", {}))
    _add_food_label(product, spec)
    ProductCategory.objects.create(product=product, category=categories[spec["category"]])
    subtitle = "" if children else spec["attributes"].get("net_quantity", "")
    add_product_photos(product, spec["shape"], subtitle)
    if children:
        for child_spec in children:
            child = Product.objects.create(
                code=child_spec["code"],
                structure=Product.CHILD,
                parent=product,
                title=child_spec["title"],
                **_pack(child_spec),
            )
            _set_attributes(child, child_spec["attributes"])
            _stock(child, child_spec, partner)
    else:
        _stock(product, spec, partner)
    report.add("product", spec["title"])


def _pack(spec) -> dict:
    if "pack" not in spec:
        return {}
    size, measure = spec["pack"]
    return {"pack_size": size, "pack_measure": measure}


def _add_missing_packs(spec) -> None:
    """Give a demo database from before unit prices its pack sizes (never overwriting
    what staff set)."""
    for item in [spec, *spec.get("children", [])]:
        if "pack" in item:
            Product.objects.filter(code=item["code"], pack_size=None).update(**_pack(item))


def _add_food_label(product, spec) -> None:
    """The demo nutrition declaration or supplement table, unless the product has one
    (a demo database from before food labels gets them; staff edits are kept)."""
    code = spec["code"]
    if code in food_labels.NUTRITION:
        NutritionDeclaration.objects.get_or_create(
            product=product, defaults=food_labels.NUTRITION[code]
        )
    if code in food_labels.SUPPLEMENTS:
        label = dict(food_labels.SUPPLEMENTS[code])
        ingredients = label.pop("ingredients")
        _, created = SupplementFacts.objects.get_or_create(product=product, defaults=label)
        if created:
            SupplementIngredient.objects.bulk_create(
                SupplementIngredient(
                    product=product, position=position, name=name, amount=amount, unit=unit
                )
                for position, (name, amount, unit) in enumerate(ingredients)
            )


def _set_attributes(product, values: dict) -> None:
    for code, value in values.items():
        setattr(product.attr, code, value)
    product.attr.save()


def _stock(product, spec, partner) -> None:
    StockRecord.objects.get_or_create(
        product=product,
        partner=partner,
        defaults={
            "partner_sku": spec["code"].upper(),
            "price": spec["price"],
            "num_in_stock": spec["stock"],
            "low_stock_threshold": 10,
        },
    )


def create_demo_accounts() -> list[dict]:
    """One demo staff sign-in per role; refuses to run unless DEBUG is on."""
    if not settings.DEBUG:
        return []
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            user = User.objects.create_user(
                username=account["email"].split("@")[0],
                email=account["email"],
                password=DEMO_PASSWORD,
            )
            roles.make_staff(user, account["role"])
        TOTPDevice.objects.get_or_create(
            user=user, defaults={"name": "Demo authenticator", "key": DEMO_TOTP_KEY}
        )
    return [{**account, "password": DEMO_PASSWORD} for account in DEMO_ACCOUNTS]
