"""Hero images for the demo articles: soft, microbe-like shapes and the title."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter

from shop.core.drawing import draw_text, font, wrap

WIDTH, HEIGHT = 1440, 810
PALETTES = [
    ((30, 77, 59), (239, 230, 212), (156, 61, 39)),
    ((20, 53, 40), (226, 236, 230), (200, 150, 80)),
    ((62, 45, 90), (240, 234, 246), (30, 77, 59)),
    ((156, 61, 39), (250, 246, 238), (30, 77, 59)),
    ((30, 77, 59), (250, 246, 238), (120, 160, 120)),
]


def draw_hero(title: str, palette: int) -> bytes:
    """A 16:9 PNG: a plain field with blurred round "cultures" and the article title."""
    ink, paper, accent = PALETTES[palette % len(PALETTES)]
    image = Image.new("RGB", (WIDTH, HEIGHT), paper)
    shapes = Image.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    rng = random.Random(title)  # the same title always draws the same picture  # noqa: S311
    for _ in range(26):
        x, y, r = rng.randint(600, WIDTH), rng.randint(-50, HEIGHT + 50), rng.randint(20, 140)
        colour = accent if rng.random() < 0.3 else ink
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(*colour, rng.randint(40, 110)))
    image.paste(
        shapes.filter(ImageFilter.GaussianBlur(2)),
        (0, 0),
        shapes.filter(ImageFilter.GaussianBlur(2)),
    )
    text = ImageDraw.Draw(image)
    draw_text(text, (80, 90), "kēpos science", font(40), accent)
    title_font = font(64)
    y = 200
    for line in wrap(title, title_font, 700)[:5]:
        draw_text(text, (80, y), line, title_font, ink)
        y += 84
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
