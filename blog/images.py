"""Hero image renditions, made when an article is saved rather than when a visitor asks.

The sizes are the widths of the srcset on the article page; sorl-thumbnail
records each rendition, so rendering the page only looks them up. Renditions
are AVIF and WebP with a JPEG fallback whatever was uploaded: a 960px PNG hero
weighed ~90 KB, the JPEG ~25 KB, the AVIF a few KB.
"""

from sorl.thumbnail import get_thumbnail

from shop.core.pictures import Picture, picture

HERO_WIDTHS = (480, 720, 960, 1440)  # 720: a phone at 2x, the most common first visit
CARD_GEOMETRY = "480x270"


def hero_picture(image) -> Picture | None:
    """A large picture (an article hero, a landing block's) at the hero widths, in each
    format (shop.core.pictures), created if missing: called on save, so no visitor's
    request waits on an encoder, and by the pages, which then only look them up."""
    return picture(image, HERO_WIDTHS)


def card_rendition(image):
    return get_thumbnail(image, CARD_GEOMETRY, crop="center", quality=80, format="JPEG")


def generate_renditions(article) -> None:
    """The hero's renditions, or the drawn link-preview picture when there is no hero."""
    from blog import social_image

    if article.hero_image:
        hero_picture(article.hero_image)
        card_rendition(article.hero_image)
    social_image.refresh(article)


def preview_image_url(article) -> str:
    """The picture link previews and search engines show for the article."""
    if article.hero_image:
        return hero_picture(article.hero_image).largest
    return article.social_image.url if article.social_image else ""
