"""Bench data, part one: the catalogue and the writing (issue 21, item 4).

``manage.py generate_bench_data`` tops a database with the demo data up to a
campaign-sized store, so ``make bench-scale`` can show that no page slows (or
runs more queries) as the rows grow. Rows are made with ``bulk_create`` in
batches inside one transaction per kind: minutes, not hours, and no signal per
row (the page cache's version is renewed once at the end instead).

Every bench row is marked by its code, slug or e-mail (``bench-`` or
``bench.``), so a second run only adds what is missing. The sentences are
short and templated from the brief's facts; the references are copies of the
demo articles' own (real PubMed and DOI citations), attributed as they are.
"""

import random
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from blog.models import Article, Author, KeyTakeaway, Reference, Section
from blog.models import Category as BlogCategory
from shop.faq.models import FAQCategory, FAQEntry

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductAttributeValue = get_model("catalogue", "ProductAttributeValue")
StockRecord = get_model("partner", "StockRecord")

BATCH = 1000
PREFIX = "bench-"

FLAVOURS = [
    "Plain", "Lemon and ginger", "Raspberry", "Mango", "Vanilla", "Blueberry", "Coconut",
    "Elderflower", "Apple and cinnamon", "Cherry", "Passion fruit", "Turmeric", "Peach",
]  # fmt: skip
KINDS = [
    ("milk kefir", "A cultured milk drink, fermented slowly with live kefir grains."),
    ("water kefir", "A lightly sparkling drink fermented from water kefir grains and sugar."),
    ("kefir grains", "Live grains for making kefir at home, with a card of instructions."),
    ("kēpos capsules", "Goat's milk kefir and lactoferrin in a daily capsule."),
    ("kefir starter", "A powdered culture for one batch of kefir, made in a day."),
]
TOPICS = [
    "lactoferrin", "goat's milk kefir", "fermented foods", "the gut microbiome",
    "live cultures", "water kefir", "fermentation at home", "a daily capsule",
]  # fmt: skip
ANGLES = [
    "What the studies say about {topic}",
    "A plain guide to {topic}",
    "Five questions about {topic}",
    "How we make {topic}",
    "Reading the evidence on {topic}",
]


@dataclass(frozen=True)
class Sizes:
    """How big a store to make (totals of each kind, demo rows included)."""

    products: int = 10_000
    articles: int = 2_000
    faq_entries: int = 500
    customers: int = 20_000
    orders: int = 50_000
    chat_messages: int = 50_000

    def scaled(self, factor: float) -> "Sizes":
        return Sizes(*(max(1, round(value * factor)) for value in self.__dict__.values()))


def missing(model, target: int) -> range:
    """The numbers of the bench rows still to make, to bring ``model`` up to ``target``."""
    return range(model.objects.count(), target)


@transaction.atomic
def make_products(target: int, rng: random.Random) -> int:
    """Stand-alone products like the first demo one: its class, category, attributes and
    partner; each with its own title, price and stock."""
    numbers = missing(Product, target)
    model = (
        Product.objects.filter(structure=Product.STANDALONE, stockrecords__isnull=False)
        .exclude(code__startswith=PREFIX)
        .order_by("pk")
        .first()
    )
    if not numbers or model is None:
        return 0
    stock = model.stockrecords.first()
    links = list(ProductCategory.objects.filter(product=model))
    values = list(ProductAttributeValue.objects.filter(product=model))
    for start in range(numbers.start, numbers.stop, BATCH):
        batch = range(start, min(start + BATCH, numbers.stop))
        products = Product.objects.bulk_create(
            [product_row(number, model, rng) for number in batch]
        )
        products = list(Product.objects.filter(code__in=[p.code for p in products]))
        StockRecord.objects.bulk_create(
            StockRecord(
                product=product,
                partner_id=stock.partner_id,
                partner_sku=product.code.upper(),
                price=Decimal(rng.randrange(299, 3999)) / 100,
                num_in_stock=rng.randrange(0, 500),
                low_stock_threshold=10,
            )
            for product in products
        )
        ProductCategory.objects.bulk_create(
            ProductCategory(product=product, category_id=links[number % len(links)].category_id)
            for number, product in enumerate(products)
        )
        ProductAttributeValue.objects.bulk_create(
            copied(value, product=product) for product in products for value in values
        )
    return len(numbers)


def product_row(number: int, model, rng: random.Random):
    flavour = FLAVOURS[number % len(FLAVOURS)]
    kind, description = KINDS[number // len(FLAVOURS) % len(KINDS)]
    title = f"{flavour} {kind} no. {number}"
    return Product(
        code=f"{PREFIX}{number:05d}",
        slug=f"{PREFIX}{number:05d}",
        structure=Product.STANDALONE,
        title=title,
        description=f"<p>{description} {flavour}, batch {number}.</p>",
        product_class_id=model.product_class_id,
        is_public=True,
        priority=rng.randrange(0, 3),
        pack_size=model.pack_size,
        pack_measure=model.pack_measure,
    )


def numbered(reference, number: int):
    reference.number = number
    return reference


def copied(instance, **changes):
    """A new unsaved row with ``instance``'s values and ``changes``."""
    fields = {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if not field.primary_key
    }
    return type(instance)(**{**fields, **{f"{k}_id": v.pk for k, v in changes.items()}})


@transaction.atomic
def make_articles(target: int, rng: random.Random) -> int:
    """Published articles by the in-house byline, each with four sections, three key
    takeaways and three references copied from the demo articles."""
    numbers = missing(Article, target)
    author = Author.objects.filter(slug="kepos-science-team").first() or Author.objects.first()
    references = list(Reference.objects.exclude(pmid="", doi="")[:30])
    categories = list(BlogCategory.objects.all())
    if not numbers or author is None or not references:
        return 0
    now = timezone.now()
    Through = Article.categories.through
    for start in range(numbers.start, numbers.stop, BATCH):
        batch = range(start, min(start + BATCH, numbers.stop))
        rows = []
        for number in batch:
            topic = TOPICS[number % len(TOPICS)]
            title = ANGLES[number // len(TOPICS) % len(ANGLES)].format(topic=topic)
            rows.append(
                Article(
                    title=f"{title[0].upper()}{title[1:]} ({number})",
                    slug=f"{PREFIX}{number:05d}",
                    summary=f"Notes from the kēpos science team on {topic}, "
                    f"with the studies behind them (part {number}).",
                    author=author,
                    status=Article.Status.PUBLISHED,
                    publish_at=now - timedelta(hours=number + 1),
                )
            )
        Article.objects.bulk_create(rows)
        articles = list(Article.objects.filter(slug__in=[row.slug for row in rows]))
        Section.objects.bulk_create(
            Section(
                article=article,
                heading=heading,
                anchor=f"part-{position}",
                body=f"<p>{article.summary} {heading}: what is known, and what is not yet "
                f"[{position % 3 + 1}].</p>",
                position=position,
            )
            for article in articles
            for position, heading in enumerate(
                ["What it is", "What the studies found", "How to use it", "What we do not know"]
            )
        )
        KeyTakeaway.objects.bulk_create(
            KeyTakeaway(article=article, text=text, position=position)
            for article in articles
            for position, text in enumerate(
                [
                    "Small studies, so read them as a start.",
                    "Kefir is a food first: enjoy it as one.",
                    "Speak to your GP before changing medication.",
                ]
            )
        )
        Reference.objects.bulk_create(
            numbered(copied(references[(article.pk + n) % len(references)], article=article), n + 1)
            for article in articles
            for n in range(3)
        )
        if categories:
            Through.objects.bulk_create(
                Through(article=article, category=rng.choice(categories)) for article in articles
            )
    return len(numbers)


@transaction.atomic
def make_faq_entries(target: int, rng: random.Random) -> int:
    """Visible answers spread over the demo FAQ categories."""
    numbers = missing(FAQEntry, target)
    categories = list(FAQCategory.objects.order_by("position"))
    if not numbers or not categories:
        return 0
    FAQEntry.objects.bulk_create(
        (
            FAQEntry(
                question=f"How should I store {kind} batch {number}?",
                slug=f"{PREFIX}{number:05d}",
                answer=f"<p>Keep {kind} in the fridge and use it within the date on the pack. "
                f"{description}</p>",
                category=categories[number % len(categories)],
                position=100 + number,
            )
            for number in numbers
            for kind, description in [KINDS[number % len(KINDS)]]
        ),
        batch_size=BATCH,
    )
    return len(numbers)
