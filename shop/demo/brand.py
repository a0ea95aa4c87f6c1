"""The brand images in static/shop/img/, drawn with Pillow.

``logo.png`` (512×512) is the Organization logo search engines show;
``og-default.png`` (1200×630) is the link-preview picture for pages without
one of their own. Redraw them with ``python -m shop.demo.brand``.
"""

from pathlib import Path

from PIL import Image, ImageDraw

from shop.core.drawing import draw_text, font

INK, PAPER, ACCENT = (30, 77, 59), (250, 246, 238), (156, 61, 39)
STATIC_IMG = Path(__file__).resolve().parents[2] / "static" / "shop" / "img"


def draw_logo(size: int = 512) -> Image.Image:
    """The favicon's mark: a green rounded square with a "k" under a macron."""
    image = Image.new("RGB", (size, size), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, size - 1, size - 1], radius=size // 4.5, fill=INK)
    letter = font(int(size * 0.62))
    width = letter.getlength("k")
    draw.text(((size - width) / 2, size * 0.2), "k", font=letter, fill=PAPER)
    bar_width = size * 0.2
    draw.rectangle(
        [(size - bar_width) / 2, size * 0.17, (size + bar_width) / 2, size * 0.215], fill=PAPER
    )
    return image


def draw_card(width: int = 1200, height: int = 630) -> Image.Image:
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    for x, y, r, colour in [(980, 120, 160, INK), (1120, 470, 110, ACCENT), (860, 520, 70, INK)]:
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    logo = draw_logo(160)
    image.paste(logo, (90, 90))
    draw_text(draw, (90, 300), "kēpos", font(120), INK)
    draw_text(draw, (94, 450), "gut health & living kefir", font(48), ACCENT)
    return image


def main() -> None:
    draw_logo().save(STATIC_IMG / "logo.png", optimize=True)
    draw_card().save(STATIC_IMG / "og-default.png", optimize=True)


if __name__ == "__main__":
    main()
