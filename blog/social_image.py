"""The link-preview picture of an article without a hero image: its title on the brand
background (1200×630, the size link previews use), drawn with Pillow when the article is
saved and named after the title, so a new title draws a new picture."""

import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from shop.core.drawing import draw_text, font, wrap

WIDTH, HEIGHT = 1200, 630
INK, PAPER, ACCENT = (30, 77, 59), (250, 246, 238), (156, 61, 39)


def draw(title: str) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), INK)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle([0, HEIGHT - 24, WIDTH, HEIGHT], fill=ACCENT)
    draw_text(canvas, (80, 70), "kēpos science", font(40), PAPER)
    size = 68 if len(title) < 60 else 54
    heading = font(size)
    lines = wrap(title, heading, WIDTH - 160)[:5]
    top = (HEIGHT - len(lines) * (size + 14)) // 2 + 20
    for number, line in enumerate(lines):
        draw_text(canvas, (80, top + number * (size + 14)), line, heading, PAPER)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def refresh(article) -> None:
    """Draw (or drop) the article's social image so it matches its hero and title."""
    from blog.models import Article

    old = article.social_image.name if article.social_image else ""
    if article.hero_image:
        name = ""
    else:
        digest = hashlib.sha256(article.title.encode()).hexdigest()[:10]
        name = f"blog/social/{article.slug}-{digest}.png"
        if old == name:
            return
        article.social_image.save(name.rsplit("/", 1)[1], ContentFile(draw(article.title)), False)
        name = article.social_image.name
    if name != old:
        Article.objects.filter(pk=article.pk).update(social_image=name)
        article.social_image.name = name
        if old:
            article.social_image.storage.delete(old)
