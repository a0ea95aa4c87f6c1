"""The demo home page, built as a landing page Marketing can edit in the admin: a hero with
a kitchen scene of both ranges (shop.demo.photos), why people shop here, the product lines, how
subscriptions work, the latest science, common questions and the newsletter."""

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from blog.models import Article
from blog.revisions import save_revision
from shop.demo.photos import home_hero_photo
from shop.faq.models import FAQEntry
from shop.landing.models import Block, LandingPage

HOME_SLUG = "home"
FAQ_SLUGS = [
    "what-is-in-kepos",
    "why-does-my-kefir-fizz",
    "how-does-subscribe-and-save-work",
    "how-do-i-get-free-delivery",
]

BLOCKS = [
    {
        "kind": Block.Kind.HERO,
        "heading": "Look after the gut that looks after you",
        "body": (
            "<p>Two ways to feed a healthy gut: <strong>kēpos</strong>, a daily supplement of"
            " human milk oligosaccharides with bioidentical lactoferrin, and our"
            " <strong>kefir</strong>, live cultured drinks and cultures made to be enjoyed"
            " every day.</p>"
        ),
        "button_label": "Shop everything",
        "button_link": "/catalogue/",
    },
    {
        "kind": Block.Kind.BENEFITS,
        "heading": "Why people shop with us",
        "items": "\n".join(
            [
                "Brewed, not extracted | The oligosaccharides and lactoferrin in kēpos are made"
                " by precision fermentation, with no animals involved.",
                "Kefir that is still alive | Our goat's-milk kefir reaches you with at least"
                " 45 days of shelf life and carries on fermenting gently in the bottle.",
                "Quick UK delivery | Next-day delivery to the UK mainland, free on larger"
                " orders; the delivery page has every detail.",
                "Help from real people | Chat with us in the day, leave a message at night,"
                " and ask as often as you like: support is free for life.",
            ]
        ),
    },
    {"kind": Block.Kind.LINES, "heading": "Shop our two ranges"},
    {
        "kind": Block.Kind.STEPS,
        "heading": "How subscribe & save works",
        "items": "\n".join(
            [
                "Pick what you like | Choose kēpos or a kefir and the size that suits you.",
                "Choose how often | Every 2, 4 or 8 weeks, at a small discount on every delivery.",
                "Stay in charge | Skip a delivery, change the date or cancel from your"
                " account whenever you want.",
            ]
        ),
    },
    {"kind": Block.Kind.SCIENCE, "heading": "From the science blog"},
    {"kind": Block.Kind.FAQ, "heading": "Questions people ask first"},
    {
        "kind": Block.Kind.NEWSLETTER,
        "heading": "Letters from the lab and the kitchen",
        "body": (
            "<p>An occasional e-mail with new articles, brewing tips and offers. One click"
            " unsubscribes you.</p>"
        ),
    },
]


def load_demo_home(report) -> None:
    """Create the home page once; a page Marketing has since edited is left alone."""
    if LandingPage.objects.filter(slug=HOME_SLUG).exists():
        return
    page = LandingPage.objects.create(
        title="Home",
        slug=HOME_SLUG,
        is_home=True,
        seo_title="Gut health supplements and living kefir",
        seo_description=(
            "kēpos makes an HMO and lactoferrin gut-health supplement and live goat's-milk"
            " and water kefir, delivered across the UK."
        ),
        status=LandingPage.Status.PUBLISHED,
        publish_at=timezone.now(),
    )
    for position, spec in enumerate(BLOCKS, start=1):
        block = Block.objects.create(page=page, position=position, **spec)
        if block.kind == Block.Kind.HERO:
            photo, block.image_alt = home_hero_photo()
            block.image.save("home-kitchen.jpg", ContentFile(photo), save=True)
        elif block.kind == Block.Kind.SCIENCE:
            block.articles.set(Article.objects.published().order_by("-publish_at")[:3])
        elif block.kind == Block.Kind.FAQ:
            block.faq_entries.set(FAQEntry.objects.filter(slug__in=FAQ_SLUGS))
    save_revision(page, note="Demo home page")
    report.add("landing page", f"{page.title} ({reverse('home')})")
