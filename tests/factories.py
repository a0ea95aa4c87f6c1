"""Shop data for tests, built on oscar.test.factories and the real models."""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from oscar.apps.catalogue.categories import create_from_breadcrumbs
from oscar.core.loading import get_model
from oscar.test.factories import create_product, create_stockrecord
from PIL import Image

Product = get_model("catalogue", "Product")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")

PARTNER = "kēpos Ltd"


def product_class(
    name: str = "Food supplement", vat_rate: str = "20", food_kind: str = "supplement"
):
    klass, _ = ProductClass.objects.get_or_create(
        name=name, defaults={"vat_rate": Decimal(vat_rate), "food_kind": food_kind}
    )
    return klass


def supplement_class():
    return product_class("Food supplement", "20", "supplement")


def milk_kefir_class():
    return product_class("Milk kefir drink", "0", "drink")


def category(path: str):
    return create_from_breadcrumbs(path)


def product(
    title: str,
    price: str | Decimal,
    *,
    klass=None,
    in_category=None,
    num_in_stock: int = 100,
    attributes: dict | None = None,
    **kwargs,
):
    """A stand-alone product with one stock record (VAT-inclusive price)."""
    klass = klass or supplement_class()
    item = create_product(
        title=title,
        product_class=klass.name,
        price=Decimal(price),
        num_in_stock=num_in_stock,
        partner_name=PARTNER,
        **kwargs,
    )
    if attributes:
        set_attributes(item, attributes)
    if in_category is not None:
        ProductCategory.objects.create(product=item, category=in_category)
    return item


def parent_with_sizes(
    title: str,
    sizes: dict[str, tuple[str, dict]],
    *,
    klass=None,
    in_category=None,
    attributes: dict | None = None,
):
    """A parent product whose children are sizes: {"500 ml": ("4.49", {attrs})}; a
    size's "pack" (500, "ml") is its pack size, for the unit price."""
    klass = klass or milk_kefir_class()
    parent = Product.objects.create(title=title, structure=Product.PARENT, product_class=klass)
    if attributes:
        set_attributes(parent, attributes)
    for size, (price, child_attributes) in sizes.items():
        child_attributes = dict(child_attributes)
        pack = child_attributes.pop("pack", None)
        child = Product.objects.create(
            title=f"{title}, {size}",
            structure=Product.CHILD,
            parent=parent,
            **({"pack_size": Decimal(pack[0]), "pack_measure": pack[1]} if pack else {}),
        )
        set_attributes(child, {"net_quantity": size, **child_attributes})
        create_stockrecord(child, price=Decimal(price), num_in_stock=100, partner_name=PARTNER)
    if in_category is not None:
        ProductCategory.objects.create(product=parent, category=in_category)
    return parent


def set_attributes(item, values: dict) -> None:
    klass = item.get_product_class()
    for code, value in values.items():
        kind = "integer" if isinstance(value, int) else "text"
        ProductAttribute.objects.get_or_create(
            product_class=klass, code=code, defaults={"name": code, "type": kind}
        )
        setattr(item.attr, code, value)
    item.attr.save()


def child_of(parent, size: str):
    return parent.children.get(title=f"{parent.title}, {size}")


def catalogue(size: int, start: int = 0) -> dict:
    """Two product lines with ``size`` products (stand-alone items and parents with
    sizes), and the demo delivery rules, so pages show all they show in production.
    ``start`` adds to a catalogue made before with that many products."""
    delivery_methods()
    kepos = category("kēpos")
    drinks = category("Kefir > Drinks")
    products = []
    for number in range(start, size):
        if number % 3 == 2:
            products.append(
                parent_with_sizes(
                    f"Kefir {number}",
                    {
                        "500 ml": ("4.49", {"pack": (500, "ml")}),
                        "1 litre": ("7.99", {"pack": (1000, "ml")}),
                    },
                    in_category=drinks,
                    attributes={
                        "ingredients": "Goat's milk, cultures.",
                        "allergens": "goat's milk",
                    },
                )
            )
        else:
            line = kepos if number % 3 == 0 else drinks
            products.append(product(f"Product {number}", f"{10 + number}.99", in_category=line))
        product_image(products[-1])
    return {"kepos": kepos, "drinks": drinks, "kefir": drinks.get_parent(), "products": products}


def product_image(item, colour: str = "seagreen"):
    """A small real PNG, so thumbnails are generated as for a real upload."""
    buffer = io.BytesIO()
    Image.new("RGB", (60, 60), colour).save(buffer, format="PNG")
    image = ProductImage(product=item, caption=item.title, display_order=0)
    image.original.save(f"product-{item.pk}.png", ContentFile(buffer.getvalue()), save=False)
    image.save()
    return image


def delivery_methods():
    """The demo rule set: Next Day (headline, free from £25, mainland only) and Standard."""
    from shop.demo.catalogue_data import DELIVERY_METHODS

    DeliveryMethod = get_model("shipping", "OrderAndItemCharges")
    return {
        spec["name"]: DeliveryMethod.objects.get_or_create(
            name=spec["name"], defaults={k: v for k, v in spec.items() if k != "name"}
        )[0]
        for spec in DELIVERY_METHODS
    }


def basket_with(*items):
    """A saved basket with the UK strategy, holding (product, quantity) pairs."""
    from shop.partner.strategy import UKStrategy

    Basket = get_model("basket", "Basket")
    basket = Basket.objects.create()
    basket.strategy = UKStrategy()
    for item, quantity in items:
        basket.add_product(item, quantity=quantity)
    return basket


def staff_user(*roles: str, email: str | None = None):
    """A staff user holding the given roles (groups synced from shop.roles)."""
    from oscar.test.factories import UserFactory

    from shop.roles import make_staff

    user = UserFactory(
        email=email or f"{'-'.join(r.split()[0].lower() for r in roles)}@kepos.example"
    )
    make_staff(user, *roles)
    return user


# The authenticator secret of every test staff member (hex, as django-otp stores it).
TEST_TOTP_KEY = "3132333435363738393031323334353637383930"


def sign_in(client, user):
    """Sign ``user`` in on a test client as after both factors: staff (who need two-factor
    sign-in for the dashboard and admin) get an authenticator and a verified session."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from shop.twofactor.devices import needs_two_factor

    client.force_login(user)
    if needs_two_factor(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(
                user=user, name="Test authenticator", key=TEST_TOTP_KEY, confirmed=True
            )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def article(title: str = "An article", **kwargs):
    """A blog article with its parts; published an hour ago unless told otherwise."""
    from datetime import timedelta

    from django.utils import timezone
    from django.utils.text import slugify

    from blog.models import Article, Author, Category, Reference, Section, Tag

    author, _ = Author.objects.get_or_create(slug="team", defaults={"name": "kēpos Science Team"})
    sections = kwargs.pop("sections", [("Introduction", "<p>Text citing [1].</p>")])
    references = kwargs.pop("references", [{"title": "A study", "pmid": "37657523"}])
    categories = kwargs.pop("categories", [])
    tags = kwargs.pop("tags", [])
    fields = {
        "slug": slugify(title),
        "summary": f"Summary of {title}.",
        "author": author,
        "status": Article.Status.PUBLISHED,
        "publish_at": timezone.now() - timedelta(hours=1),
        **kwargs,
    }
    item = Article.objects.create(title=title, **fields)
    for position, (heading, body) in enumerate(sections, start=1):
        Section.objects.create(article=item, heading=heading, body=body, position=position)
    for number, reference in enumerate(references, start=1):
        Reference.objects.create(article=item, number=number, **reference)
    for name in categories:
        category, _ = Category.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        item.categories.add(category)
    for name in tags:
        tag, _ = Tag.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        item.tags.add(tag)
    return item


def faq_entry(question: str, answer: str = "<p>An answer.</p>", category: str = "Delivery", **kw):
    """A visible FAQ entry in the named category (created at the next position if new)."""
    from django.utils.text import slugify

    from shop.faq.models import FAQCategory, FAQEntry

    position = kw.pop("category_position", FAQCategory.objects.count() * 10)
    group, _ = FAQCategory.objects.get_or_create(
        slug=slugify(category), defaults={"name": category, "position": position}
    )
    products = kw.pop("products", [])
    entry = FAQEntry.objects.create(question=question, answer=answer, category=group, **kw)
    entry.products.set(products)
    return entry
