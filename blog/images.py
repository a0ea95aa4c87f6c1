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
    """The hero's renditions, or the drawn link-preview picture when there is no hero."""
    from blog import social_image

    if article.hero_image:
        hero_renditions(article.hero_image)
        card_rendition(article.hero_image)
    social_image.refresh(article)


def preview_image_url(article) -> str:
    """The picture link previews and search engines show for the article."""
    if article.hero_image:
        return hero_renditions(article.hero_image)[-1].url
    return article.social_image.url if article.social_image else ""
