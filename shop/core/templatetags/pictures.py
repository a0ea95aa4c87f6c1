"""``{% responsive_picture image "480,960" square=True as pic %}``: see shop.core.pictures."""

from django import template

from shop.core.pictures import Picture, picture

register = template.Library()


@register.simple_tag
def responsive_picture(image, widths: str = "480,960", square: bool = False) -> Picture | None:
    return picture(image, tuple(int(w) for w in widths.split(",")), square=square)
