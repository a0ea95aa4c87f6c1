"""Which demo photograph each thing gets (shop.demo.studio draws them): every product a
studio pack shot and a scene of it in use, each product line a lifestyle picture, each
article a table scene, the home page's hero the two ranges side by side; each with the
description shoppers' screen readers hear."""

import functools

from django.conf import settings
from django.core.files.base import ContentFile
from oscar.core.loading import get_model

from shop.demo.pack_shots import PackShot
from shop.demo.studio import describe, describe_pack, pack_photo, scene_photo

ProductImage = get_model("catalogue", "ProductImage")

SCENE_FOR_SHAPE = {"bottle": "kitchen", "pouch": "breakfast", "jar": "grains", "box": "kitchen"}
POUCH = PackShot("kēpos daily gut health", "30 daily servings", "pouch")
BOTTLE = PackShot("Goat's Milk Kefir", "Live and fermenting", "bottle")
GRAINS = PackShot("Live Milk Kefir Grains", "Ready to brew", "jar")
LINE_SCENES = {  # top-level category name: (scene, packs)
    "kēpos": ("breakfast", [POUCH]),
    "Kefir": ("kitchen", [BOTTLE, GRAINS]),
}
PACK_SIZE, SCENE_SIZE, WIDE_SIZE, HERO_SIZE = (1200, 1200), (1600, 1000), (1440, 810), (1440, 1080)
ARTICLE_SCENES = [("table", []), ("grains", [GRAINS]), ("table", []), ("kitchen", [BOTTLE])]


def _pack(shot: PackShot) -> bytes:
    return _drawn_pack(shot, _scaled(PACK_SIZE)[0])


def _scene(scene: str, shots: tuple[PackShot, ...], size: tuple[int, int], seed: str) -> bytes:
    return _drawn_scene(scene, shots, _scaled(size), seed)


def _scaled(size: tuple[int, int]) -> tuple[int, int]:
    """At SHOP_DEMO_PHOTO_SCALE of the size (1, unless a test run says otherwise)."""
    scale = getattr(settings, "SHOP_DEMO_PHOTO_SCALE", 1)
    return round(size[0] * scale), round(size[1] * scale)


# Each photograph is drawn once per process: the tests load the demo store many times.
@functools.cache
def _drawn_pack(shot: PackShot, size: int) -> bytes:
    return pack_photo(shot, size=size)


@functools.cache
def _drawn_scene(scene: str, shots: tuple, size: tuple[int, int], seed: str) -> bytes:
    return scene_photo(scene, list(shots), width=size[0], height=size[1], seed=seed)


def add_product_photos(product, shape: str, subtitle: str) -> None:
    """The pack on a studio backdrop first (the listing's picture), then in use."""
    shot = PackShot(title=product.title, subtitle=subtitle, shape=shape)
    scene = SCENE_FOR_SHAPE[shape]
    pictures = [
        (_pack(shot), describe_pack(shot), "pack"),
        (_scene(scene, (shot,), SCENE_SIZE, product.code), describe(scene, [shot]), scene),
    ]
    for order, (jpeg, alt, name) in enumerate(pictures):
        image = ProductImage(product=product, caption=alt, display_order=order)
        image.original.save(f"{product.code}-{name}.jpg", ContentFile(jpeg), save=False)
        image.save()


def add_line_photo(category) -> None:
    """A product line's lifestyle picture (its category page's banner, its home block)."""
    if category.depth != 1 or category.name not in LINE_SCENES or category.image:
        return
    scene, shots = LINE_SCENES[category.name]
    category.image_alt = describe(scene, shots)
    category.image.save(
        f"{category.slug}.jpg",
        ContentFile(_scene(scene, tuple(shots), SCENE_SIZE, category.slug)),
        save=False,
    )
    category.save()


def article_photo(slug: str, index: int) -> tuple[bytes, str]:
    """An article's hero: mostly a table with kefir, sometimes a pack in the scene."""
    scene, shots = ARTICLE_SCENES[index % len(ARTICLE_SCENES)]
    return _scene(scene, tuple(shots), WIDE_SIZE, slug), describe(scene, shots)


def home_hero_photo() -> tuple[bytes, str]:
    shots = [POUCH, BOTTLE]
    return _scene("kitchen", tuple(shots), HERO_SIZE, "home"), describe("kitchen", shots)
