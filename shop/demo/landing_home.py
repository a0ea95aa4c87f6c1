"""The demo home page, built as a landing page Marketing can edit in the admin: a hero with
a drawn still life of two packs, why people shop here, the product lines, how
subscriptions work, the latest science, common questions and the newsletter."""

import io

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFilter

from blog.models import Article
from blog.revisions import save_revision
from shop.demo.pack_shots import PackShot, draw_pack_shot, pack_mask
from shop.faq.models import FAQEntry
from shop.landing.models import Block, LandingPage

HOME_SLUG = "home"
HERO_ALT = "A pouch of kēpos and a bottle of goat's-milk kefir side by side on a kitchen shelf"
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
            block.image_alt = HERO_ALT
            block.image.save("home-still-life.jpg", ContentFile(draw_still_life()), save=True)
        elif block.kind == Block.Kind.SCIENCE:
            block.articles.set(Article.objects.published().order_by("-publish_at")[:3])
        elif block.kind == Block.Kind.FAQ:
            block.faq_entries.set(FAQEntry.objects.filter(slug__in=FAQ_SLUGS))
    save_revision(page, note="Demo home page")
    report.add("landing page", f"{page.title} ({reverse('home')})")


def draw_still_life(width: int = 1440, height: int = 1080) -> bytes:
    """Two packs standing on a shelf against a warm wall, with soft light and shadows."""
    wall_top, wall_bottom, shelf = (250, 244, 232), (233, 222, 202), (214, 196, 168)
    image = Image.new("RGB", (width, height), wall_top)
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.72)
    for y in range(horizon):  # the wall darkens towards the shelf
        t = y / horizon
        colour = tuple(round(a + (b - a) * t) for a, b in zip(wall_top, wall_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.rectangle([0, horizon, width, height], fill=shelf)
    packs = [
        (PackShot("HMO + lactoferrin", "30 daily servings", "pouch"), 0.34, 640),
        (PackShot("Goat's milk kefir", "Live and fermenting", "bottle"), 0.66, 700),
    ]
    for shot, centre, size in packs:
        pack, mask = _cut_out(shot, size)
        left, top = int(width * centre - size / 2), horizon - int(size * 0.86)
        box = mask.getbbox() or (0, 0, size, size)
        shadow = Image.new("L", (width, height), 0)  # cast down and to the right
        ImageDraw.Draw(shadow).ellipse(
            [left + box[0] + 10, top + box[3] - 30, left + box[2] + 90, top + box[3] + 40],
            fill=130,
        )
        image.paste((90, 70, 50), (0, 0), shadow.filter(ImageFilter.GaussianBlur(28)))
        image.paste(pack, (left, top), mask)
    light = Image.new("L", (width, height), 0)  # a window's light from the top left
    ImageDraw.Draw(light).ellipse([-width // 3, -height // 2, width // 2, height // 2], fill=70)
    image.paste((255, 255, 255), (0, 0), light.filter(ImageFilter.GaussianBlur(120)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=86, optimize=True)
    return buffer.getvalue()


def _cut_out(shot: PackShot, size: int) -> tuple[Image.Image, Image.Image]:
    """The pack alone: its shot and the silhouette that cuts it from the backdrop."""
    pack = Image.open(io.BytesIO(draw_pack_shot(shot))).convert("RGB").resize((size, size))
    mask = pack_mask(shot.shape).resize((size, size)).filter(ImageFilter.GaussianBlur(1))
    return pack, mask
