"""Clean branded pack shots for the demo catalogue, drawn with Pillow."""

import io
from dataclasses import dataclass

from PIL import Image, ImageDraw

from shop.core.drawing import draw_text as _draw_text
from shop.core.drawing import font as _font
from shop.core.drawing import wrap as _wrap

SIZE = 800
GREEN = (30, 77, 59)
CREAM = (250, 246, 238)
WHITE = (255, 255, 255)
INK = (31, 36, 33)

# One look per kind of pack: background, pack colour, pack shape.
STYLES = {
    "bottle": ((226, 236, 230), (236, 243, 240)),
    "pouch": ((239, 230, 212), GREEN),
    "jar": ((233, 226, 240), (246, 242, 236)),
    "box": ((240, 224, 214), (198, 120, 90)),
}


@dataclass(frozen=True)
class PackShot:
    title: str
    subtitle: str
    shape: str  # bottle, pouch, jar or box


def _centred(draw, y: int, text: str, font, fill, box_left: int, box_width: int) -> None:
    width = font.getlength(text.replace("ē", "e"))
    _draw_text(draw, (box_left + (box_width - width) / 2, y), text, font, fill)


def _pack_outline(draw: ImageDraw.ImageDraw, shape: str, colour) -> tuple[int, int, int, int]:
    """Draw the pack and return the box (left, top, right, bottom) of its label."""
    if shape == "bottle":
        draw.rounded_rectangle([350, 90, 450, 200], radius=18, fill=GREEN)  # cap
        draw.rounded_rectangle([330, 180, 470, 260], radius=30, fill=colour)  # neck
        draw.rounded_rectangle([250, 230, 550, 720], radius=60, fill=colour, outline=GREEN, width=6)
        return (270, 360, 530, 620)
    if shape == "pouch":
        draw.polygon([(230, 150), (570, 150), (600, 720), (200, 720)], fill=colour)
        draw.rectangle([230, 150, 570, 185], fill=(20, 53, 40))
        return (240, 300, 560, 600)
    if shape == "jar":
        draw.rounded_rectangle([240, 150, 560, 230], radius=20, fill=GREEN)  # lid
        draw.rounded_rectangle([220, 220, 580, 720], radius=50, fill=colour, outline=GREEN, width=6)
        return (250, 350, 550, 620)
    draw.polygon([(200, 280), (260, 220), (620, 220), (560, 280)], fill=(214, 150, 120))  # top
    draw.polygon([(560, 280), (620, 220), (620, 640), (560, 700)], fill=(170, 98, 70))  # side
    draw.rectangle([200, 280, 560, 700], fill=colour)  # front
    return (225, 340, 535, 640)


def pack_mask(shape: str) -> Image.Image:
    """Where the pack is in its shot (255) and where the backdrop is (0), to cut it out."""
    silhouette = Image.new("RGB", (SIZE, SIZE), (0, 0, 0))
    _pack_outline(ImageDraw.Draw(silhouette), shape, WHITE)
    return silhouette.convert("L").point(lambda value: 255 if value else 0)


def draw_pack_shot(shot: PackShot) -> bytes:
    """A PNG of the pack: coloured backdrop, pack shape, white label with the name."""
    background, colour = STYLES[shot.shape]
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse([150, 690, 650, 760], fill=tuple(max(0, c - 25) for c in background))  # shadow
    left, top, right, bottom = _pack_outline(draw, shot.shape, colour)
    draw.rounded_rectangle([left, top, right, bottom], radius=16, fill=WHITE)
    width = right - left - 24

    brand = _font(34)
    _centred(draw, top + 18, "kēpos", brand, GREEN, left, right - left)
    title_font = _font(30 if len(shot.title) < 28 else 24)
    y = top + 78
    for line in _wrap(shot.title, title_font, width)[:4]:
        _centred(draw, y, line, title_font, INK, left, right - left)
        y += title_font.size + 8
    if shot.subtitle:
        _centred(draw, bottom - 50, shot.subtitle, _font(24), GREEN, left, right - left)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
