"""Text on generated images (demo pictures, articles' link-preview images), with Pillow's
built-in font (no downloads, no font files).

That font has no "ē", so the macron of "kēpos" is drawn as a bar over an "e".
"""

from PIL import ImageDraw, ImageFont


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=size)


def draw_text(draw: ImageDraw.ImageDraw, xy, text: str, font, fill) -> None:
    """Draw text, turning each "ē" into an "e" with a drawn macron."""
    x, y = xy
    plain = text.replace("ē", "e")
    draw.text((x, y), plain, font=font, fill=fill)
    for index, char in enumerate(text):
        if char == "ē":
            left = x + font.getlength(plain[:index])
            width = font.getlength("e")
            top = y + font.getbbox("e")[1] - max(3, font.size // 7)
            draw.rectangle(
                [left + width * 0.12, top, left + width * 0.88, top + max(2, font.size // 14)],
                fill=fill,
            )


def wrap(text: str, font, width: int) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate.replace("ē", "e")) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
