"""One of everything the store holds, each free-text field written by an attacker.

Staff write the catalogue, offers, pages, delivery rules, the blog and canned
replies; customers write reviews, addresses, names and chat messages. Every
one of them is hostile to every other person who reads it, so every prose
field here holds the payload of ``tests.security.hostile``. The Manager who
walks the site also shops (an order, an address, a wishlist, an alert), so
the customer pages have something to show.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop import roles
from shop.gateways import base as gateway_base
from shop.gateways.models import TestIntent
from shop.legal.models import (
    CancellationRequest,
    LegalPage,
    LegalPageVersion,
    StorageItem,
    TraderIdentity,
)
from shop.newsletter import services, wording
from shop.newsletter.models import Source
from shop.payments.models import PaymentCustomer, SavedCard
from shop.subscriptions.models import Subscription, SubscriptionEvent, SubscriptionOffer
from tests import checkout_steps as steps
from tests import factories
from tests.security.hostile import PAYLOAD, fill, payload

Option = get_model("catalogue", "Option")
AttributeOptionGroup = get_model("catalogue", "AttributeOptionGroup")
AttributeOption = get_model("catalogue", "AttributeOption")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductReview = get_model("reviews", "ProductReview")
Range = get_model("offer", "Range")
Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Voucher = get_model("voucher", "Voucher")
VoucherSet = get_model("voucher", "VoucherSet")
Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
UserAddress = get_model("address", "UserAddress")
Country = get_model("address", "Country")
WishList = get_model("wishlists", "WishList")
ProductAlert = get_model("customer", "ProductAlert")
Notification = get_model("communication", "Notification")
Email = get_model("communication", "Email")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Partner = get_model("partner", "Partner")
DeliveryMethod = get_model("shipping", "OrderAndItemCharges")
WeightBased = get_model("shipping", "WeightBased")


@dataclass
class World:
    manager: object
    customer: object
    objects: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def _catalogue(objects: dict) -> None:
    klass = fill(factories.supplement_class(), skip=("name",))
    category = fill(factories.category("Hostile"))
    item = factories.product("Hostile product", "12.50", in_category=category, num_in_stock=50)
    text_attribute = fill(
        ProductAttribute.objects.create(product_class=klass, code="origin", name="x", type="text")
    )
    rich_attribute = fill(
        ProductAttribute.objects.create(
            product_class=klass, code="notes", name="x", type="richtext"
        )
    )
    group = fill(AttributeOptionGroup.objects.create(name="x"))
    fill(AttributeOption.objects.create(group=group, option="x"))
    option = fill(Option.objects.create(name="x", code="engraving", required=False))
    klass.options.add(option)
    setattr(item.attr, text_attribute.code, "placeholder")
    setattr(item.attr, rich_attribute.code, "placeholder")
    item.attr.save()
    for value in item.attribute_values.all():
        fill(value)
    image = fill(factories.product_image(item))  # its caption starts as the (short) title
    fill(item)
    record = fill(item.stockrecords.get())
    fill(record.partner)
    parent = factories.parent_with_sizes(
        "Hostile kefir", {"500 ml": ("4.49", {}), "1 litre": ("7.99", {})}, in_category=category
    )
    SubscriptionOffer.objects.create(product=parent, weeks="2, 4, 8", default_weeks=4)
    for product in (parent, *parent.children.all()):
        fill(product)
    _food_labels(item, parent)
    objects.update(
        product_class=klass,
        category=category,
        product=item,
        parent=parent,
        child=parent.children.first(),
        attribute=text_attribute,
        option_group=group,
        option=option,
        image=image,
        stockrecord=record,
        partner=record.partner,
    )


def _food_labels(supplement, drink) -> None:
    """Staff-written label text: the supplement's name and ingredient rows; a drink's
    nutrition declaration (numbers only)."""
    from decimal import Decimal

    from shop.labelling.models import NutritionDeclaration, SupplementFacts, SupplementIngredient

    fill(SupplementFacts.objects.create(product=supplement, name_of_food="x", dose_units=2))
    fill(
        SupplementIngredient.objects.create(
            product=supplement, name="x", amount=Decimal("1000"), unit="mg"
        ),
        skip=("unit",),
    )
    grams = {name: Decimal("1") for name in ("fat", "saturates", "carbohydrate", "sugars")}
    NutritionDeclaration.objects.create(
        product=drink,
        basis="100ml",
        energy_kj=Decimal("276"),
        energy_kcal=Decimal("66"),
        protein=Decimal("3"),
        salt=Decimal("0.1"),
        **grams,
    )


def _landing(objects: dict) -> None:
    """A published landing page with a block of every kind, every text hostile."""
    from shop.landing.models import Block, LandingPage

    page = LandingPage.objects.create(
        title="x",
        slug="hostile-landing",
        status=LandingPage.Status.PUBLISHED,
        publish_at=timezone.now() - timedelta(hours=1),
    )
    fill(page, skip=("slug", "status"))
    for position, kind in enumerate(Block.Kind.values, start=1):
        block = Block.objects.create(page=page, position=position, kind=kind, items="x | y")
        fill(block, skip=("kind", "button_link"))
        block.products.set([objects["product"]])
        block.articles.set([objects["article"]])
        block.faq_entries.set([objects["faq_entry"]])
    from blog.revisions import save_revision

    save_revision(page, note="first")
    fill(page.blocks.first(), skip=("kind", "button_link"))
    save_revision(page, note="x")  # two revisions to compare
    objects.update(landing_page=page)


def _claims(objects: dict, manager) -> None:
    """The claims lists with hostile wording, and a sign-off with a hostile note."""
    from shop.claims.models import AuthorisedClaim, ClaimRule, ClaimSignOff
    from shop.claims.seed import seed

    seed()
    fill(ClaimRule.objects.create(phrase="x", kind="forbidden", explanation="x"), skip=("kind",))
    fill(AuthorisedClaim.objects.create(wording="x", nutrient="x", conditions_of_use="x"))
    fill(
        ClaimSignOff.objects.create(
            content_object=objects["article"],
            title="x",
            flags=[],
            note="x",
            signed_by=manager,
            signed_by_name="x",
        )
    )


def _offers(objects: dict) -> None:
    product_range = fill(Range.objects.create(name="x", includes_all_products=True, is_public=True))
    benefit = Benefit.objects.create(range=product_range, type=Benefit.PERCENTAGE, value=5)
    condition = Condition.objects.create(range=product_range, type=Condition.COUNT, value=1)
    offer = fill(
        ConditionalOffer.objects.create(
            name="x", offer_type=ConditionalOffer.SITE, benefit=benefit, condition=condition
        )
    )
    voucher_set = fill(
        VoucherSet.objects.create(
            name="x",
            description="x",
            count=1,
            code_length=12,
            start_datetime=timezone.now() - timedelta(days=1),
            end_datetime=timezone.now() + timedelta(days=30),
        )
    )
    voucher = fill(
        Voucher.objects.create(
            name="x",
            code="HOSTILE1",
            start_datetime=timezone.now() - timedelta(days=1),
            end_datetime=timezone.now() + timedelta(days=30),
        )
    )
    voucher.offers.add(
        fill(
            ConditionalOffer.objects.create(
                name="y",
                offer_type=ConditionalOffer.VOUCHER,
                benefit=benefit,
                condition=condition,
            ),
            skip=("name",),
        )
    )
    objects.update(range=product_range, offer=offer, voucher=voucher, voucher_set=voucher_set)


def _content(objects: dict) -> None:
    page = fill(FlatPage.objects.create(url="/hostile/", title="x", content="x"))
    page.sites.add(Site.objects.get_current())
    from shop.storefront.models import StorePromise
    from shop.workdays.models import Closure

    promise = fill(StorePromise.objects.create(text="x", link="/delivery/", position=99))
    later = timezone.localdate() + timedelta(days=40)
    closure = fill(Closure.objects.create(first_day=later, last_day=later, reason="x"))
    method = fill(
        DeliveryMethod.objects.create(name="Hostile courier", price_per_order="3.00"),
        skip=("name",),
    )
    weight_based = fill(WeightBased.objects.create(name="x"))
    event_type = fill(
        CommunicationEventType.objects.create(code="HOSTILE", name="x"),
        skip=(
            "email_subject_template",
            "email_body_template",
            "email_body_html_template",
            "sms_template",
        ),
    )
    objects.update(
        flatpage=page,
        promise=promise,
        closure=closure,
        delivery_method=method,
        weight_based=weight_based,
        event_type=event_type,
    )


def _blog(objects: dict) -> None:
    from blog.models import BlogSettings
    from shop.faq.models import FAQCategory

    article = factories.article(
        "Hostile article",
        sections=[(f"Part {n}", "<p>x [1]</p>") for n in range(1, 11)],
        references=[{"title": "x", "pmid": "37657523"}, {"title": "y", "doi": "10.1/x"}],
        categories=["Hostile category"],
        tags=["hostile tag"],
    )
    fill(article)
    for part in (
        *article.sections.all(),
        *article.references.all(),
        article.author,
        *article.categories.all(),
        *article.tags.all(),
    ):
        fill(part)
    from blog.models import KeyTakeaway

    fill(KeyTakeaway.objects.create(article=article, text="x", position=1))
    entry = fill(factories.faq_entry("x", products=[objects["product"]]))
    fill(FAQCategory.objects.get(pk=entry.category_id))
    from blog.models import ArticleFAQ, ArticleProduct

    ArticleFAQ.objects.create(article=article, entry=entry, position=1)
    ArticleProduct.objects.create(article=article, product=objects["product"], position=1)
    fill(BlogSettings.current())
    from blog.revisions import save_revision

    save_revision(article, note="first")
    fill(article.sections.first())
    save_revision(article, note="x")  # two revisions to compare
    objects.update(article=article, author=article.author, faq_entry=entry)


def _chat(objects: dict, manager) -> None:
    from shop.chat.models import CannedReply, Conversation, Message

    now = timezone.now()
    conversation = fill(
        Conversation.objects.create(
            name="x",
            email="visitor@example.com",
            user=manager,
            consented_at=now,
            last_message_at=now,
        )
    )
    fill(Message.objects.create(conversation=conversation, sender="visitor", body="x"))
    fill(
        Message.objects.create(conversation=conversation, sender="staff", author=manager, body="x")
    )
    canned = fill(CannedReply.objects.create(title="x", body="x"))
    objects.update(conversation=conversation, canned_reply=canned)


def _customers(objects: dict):
    customer = fill(UserFactory(email="customer@example.com"), skip=("password",))
    review = fill(
        ProductReview.objects.create(
            product=objects["product"],
            user=customer,
            score=1,
            title="x",
            body="x",
            status=ProductReview.APPROVED,
        )
    )
    objects.update(review=review)
    return customer


def _manager_as_shopper(objects: dict, manager) -> None:
    """The walking Manager's own order, address, wishlists, alert, notification, e-mail."""
    client = Client()
    factories.sign_in(client, manager)
    add = reverse("basket:add", kwargs={"pk": objects["product"].pk})
    client.post(add, {"quantity": 2, "engraving": PAYLOAD})  # customers type option values
    steps.give_address(client, first_name="x", last_name="x")
    steps.choose_method(client)
    steps.place_order(client)
    order = Order.objects.get(user=manager)
    fill(order.shipping_address, skip=("postcode",))
    note = fill(OrderNote.objects.create(order=order, user=manager, message="x"))
    for line in order.lines.all():
        fill(line, skip=("partner_sku", "upc"))
    address = fill(
        UserAddress.objects.create(
            user=manager,
            first_name="x",
            last_name="x",
            line1="x",
            line4="Bristol",
            postcode="BS1 4XY",
            country=Country.objects.get(iso_3166_1_a2="GB"),
        ),
        skip=("postcode",),
    )
    wishlist = fill(WishList.objects.create(owner=manager, name="x"))
    wishlist.add(objects["product"])
    other_wishlist = WishList.objects.create(owner=manager, name="Later")
    alert = ProductAlert.objects.create(user=manager, product=objects["parent"].children.last())
    anonymous_alert = ProductAlert.objects.create(
        email="someone@example.com", product=objects["parent"].children.first()
    )
    notification = fill(Notification.objects.create(recipient=manager, subject="x", body="x"))
    email = fill(
        Email.objects.create(user=manager, email=manager.email, subject="x", body_text="x"),
        skip=("body_html",),
    )
    client.post(add, {"quantity": 1, "engraving": PAYLOAD})  # an open basket for its pages
    # A test-gateway payment waiting at its stand-in bank page.
    test_intent = fill(
        TestIntent.objects.create(
            reference="pi_test_world",
            idempotency_key="world",
            order_number="x",
            amount=order.total_incl_tax,
            currency="GBP",
            status=gateway_base.REQUIRES_ACTION,
            return_url="/",
        ),
        skip=("reference", "idempotency_key", "currency", "status", "return_url", "last4"),
    )
    objects.update(
        order=order,
        test_intent=test_intent,
        order_line=order.lines.first(),
        order_note=note,
        address=address,
        wishlist=wishlist,
        other_wishlist=other_wishlist,
        wishlist_line=wishlist.lines.first(),
        alert=alert,
        anonymous_alert=anonymous_alert,
        notification=notification,
        email=email,
    )


def _subscription(objects: dict, manager) -> None:
    """The walking Manager's own subscription to a hostile size, with a hostile note."""
    order = objects["order"]
    address = type(order.shipping_address).objects.get(pk=order.shipping_address.pk)
    address.pk = None  # a copy, as a subscription keeps (hostile, like the order's)
    address.save()
    PaymentCustomer.objects.create(user=manager, gateway="test", reference="cus_test_world")
    card = fill(
        SavedCard.objects.create(
            user=manager, gateway="test", customer_reference="cus_test_world", token="pm_test_w"
        ),
        skip=("gateway", "customer_reference", "token", "last4"),
    )
    subscription = Subscription.objects.create(
        user=manager,
        product=objects["parent"].children.first(),
        weeks=4,
        saving_percent=10,
        shipping_code="next-day",
        address=address,
        card=card,
        next_date=timezone.localdate() + timedelta(days=10),
        origin_order=order,
    )
    fill(
        SubscriptionEvent.objects.create(subscription=subscription, action="x", note="x"),
        skip=("action",),
    )
    objects.update(subscription=subscription, saved_card=card)


def _records(objects: dict, manager, customer) -> None:
    """The rest of what the admin lists: analytics, votes, payments, order events."""
    from oscar.core.loading import get_model as model

    order = objects["order"]
    model("analytics", "UserSearch").objects.create(user=customer, query=PAYLOAD[:255])
    model("analytics", "UserProductView").objects.create(user=customer, product=objects["product"])
    model("reviews", "Vote").objects.create(review=objects["review"], user=manager, delta=1)
    source = order.sources.first()
    fill(
        model("payment", "Transaction").objects.create(
            source=source, txn_type="x", amount=order.total_incl_tax, reference="x", status="x"
        )
    )
    fill(
        model("payment", "Bankcard").objects.create(
            user=manager, card_type="x", name="x", number="XXXX-4242", expiry_date="2034-12-31"
        ),
        skip=("number",),
    )
    event_type = fill(model("order", "ShippingEventType").objects.create(name="x", code="hostile"))
    event = fill(
        model("order", "ShippingEvent").objects.create(
            order=order, event_type=event_type, notes="x"
        )
    )
    event.line_quantities.create(line=objects["order_line"], quantity=1)
    model("order", "CommunicationEvent").objects.create(
        order=order, event_type=objects["event_type"]
    )
    billing = fill(
        model("order", "BillingAddress").objects.create(
            first_name="x",
            last_name="x",
            line1="x",
            line4="x",
            postcode="BS1 4XY",
            country=Country.objects.get(iso_3166_1_a2="GB"),
        ),
        skip=("postcode",),
    )
    order.billing_address = billing
    order.save(update_fields=["billing_address"])
    fill(
        model("order", "Surcharge").objects.create(
            order=order, name="x", code="hostile", incl_tax="0.00", excl_tax="0.00"
        )
    )
    model("voucher", "VoucherApplication").objects.create(
        voucher=objects["voucher"], user=manager, order=order
    )
    model("wishlists", "WishListSharedEmail").objects.create(
        wishlist=objects["wishlist"], email="friend@example.com"
    )
    _sign_in_records(manager)


def _sign_in_records(manager) -> None:
    """Sign-in throttling and two-factor rows: a stranger typed every field of the first."""
    from django.apps import apps

    model = apps.get_model
    common = {
        "username": payload(255),
        "ip_address": "203.0.113.1",
        "path_info": "/accounts/login/",
    }
    fill(model("axes", "AccessAttempt")(**common, failures_since_start=1))
    fill(model("axes", "AccessLog")(**common))
    fill(model("axes", "AccessFailureLog")(**common, locked_out=False))
    fill(model("otp_totp", "TOTPDevice")(user=manager, key=factories.TEST_TOTP_KEY, confirmed=True))
    static = fill(model("otp_static", "StaticDevice")(user=manager, confirmed=True))
    static.token_set.create(token="a1b2c3d4")
    # The audit trail quotes what staff typed (an address line, a name) as before/after.
    fill(
        model("audit", "AuditEntry")(
            actor=manager,
            action="changed",
            model="order.shippingaddress",
            object_id="1",
            changes={"line1": ["1 Orchard Row", PAYLOAD], PAYLOAD: [PAYLOAD, None]},
            ip_address="203.0.113.1",
        )
    )


def _legal(objects: dict, manager) -> None:
    """The trader, a legal page's new wording, a cookie-inventory row and a shopper's
    cancellation notice, all written by hostile hands; a newsletter sign-up."""
    fill(TraderIdentity.objects.get(pk=1))
    page = LegalPage.objects.get(kind=LegalPage.Kind.TERMS)
    page.current = fill(
        LegalPageVersion.objects.create(page=page, number=2, body="x", written_by=manager)
    )
    page.save(update_fields=["current"])
    fill(StorageItem.objects.create(name="x", purpose="x", lifetime="x", strictly_necessary=False))
    services.request_signup(
        email="subscriber@example.com", source=Source.FOOTER, wording=wording.FOOTER_SIGNUP
    )
    order = objects["order"]
    cancellation = fill(
        CancellationRequest.objects.create(
            order=order, name="x", email=order.customer_email, refund_goods=0, refund_delivery=0
        ),
        skip=("status", "source"),
    )
    cancellation.lines.set(order.lines.all())
    objects.update(cancellation=cancellation, legal_page=page)


def build() -> World:
    factories.delivery_methods()
    manager = factories.staff_user(roles.MANAGERS, email="manager@kepos.example")
    objects: dict = {}
    _catalogue(objects)
    _offers(objects)
    _content(objects)
    _blog(objects)
    _chat(objects, manager)
    customer = _customers(objects)
    _manager_as_shopper(objects, manager)
    _subscription(objects, manager)
    _legal(objects, manager)
    _claims(objects, manager)
    _landing(objects)
    _records(objects, manager, customer)
    return World(manager=manager, customer=customer, objects=objects)
