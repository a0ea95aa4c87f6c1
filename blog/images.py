"""Hero image renditions, made when an article is saved rather than when a visitor asks.

The sizes are the widths of the srcset on the article page; sorl-thumbnail
records each rendition, so rendering the page only looks them up. Renditions
are JPEG whatever was uploaded: a 960px PNG hero weighed ~90 KB, the JPEG ~25 KB.
"""

from sorl.thumbnail import get_thumbnail

HERO_WIDTHS = (480, 960, 1440)
CARD_GEOMETRY = "480x270"


def hero_renditions(image) -> list:
    """The hero image at each width, created if missing (existing ones are reused)."""
    return [
        get_thumbnail(image, str(width), upscale=False, quality=82, format="JPEG")
        for width in HERO_WIDTHS
    ]


def card_rendition(image):
    return get_thumbnail(image, CARD_GEOMETRY, crop="center", quality=80, format="JPEG")


def generate_renditions(article) -> None:
    if article.hero_image:
        hero_renditions(article.hero_image)
        card_rendition(article.hero_image)
