"""Demo photography: pack shots and scenes that read as lit, photographed objects (light from
the upper left, shadows, depth, tonal range), not as flat drawings; and their alt texts."""

import io

import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageStat

from shop.demo.pack_shots import STYLES, PackShot
from shop.demo.studio import SCENES, describe, describe_pack, pack_photo, scene_photo

SIZE = 600  # small enough to keep the tests quick; the lighting scales with the picture
SHOTS = {
    "bottle": PackShot("Goat's Milk Kefir", "Live and fermenting", "bottle"),
    "pouch": PackShot("kēpos daily gut health", "30 daily servings", "pouch"),
    "jar": PackShot("Live Milk Kefir Grains", "Ready to brew", "jar"),
    "box": PackShot("Milk Kefir Starter Kit", "Everything to start", "box"),
}


def picture(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def flat_drawing(shot: PackShot) -> Image.Image:
    """What the demo's pictures were before: the pack's shape in flat colour, a white
    label and an oval for a shadow (the baseline a photograph must beat)."""
    backdrop, colour = STYLES[shot.shape]
    image = Image.new("RGB", (SIZE, SIZE), backdrop)
    draw = ImageDraw.Draw(image)
    draw.ellipse([110, 520, 490, 570], fill=tuple(c - 25 for c in backdrop))
    draw.rounded_rectangle([190, 170, 410, 540], radius=40, fill=colour, outline=(30, 77, 59))
    draw.rounded_rectangle([205, 270, 395, 465], radius=12, fill=(255, 255, 255))
    return image


def brightness(image: Image.Image, left, top, right, bottom) -> float:
    """Mean luminance of a region given in fractions of the picture."""
    w, h = image.size
    region = image.convert("L").crop(
        (round(left * w), round(top * h), round(right * w), round(bottom * h))
    )
    return ImageStat.Stat(region).mean[0]


@pytest.fixture(scope="module", params=sorted(SHOTS))
def photo(request):
    return request.param, picture(pack_photo(SHOTS[request.param], size=SIZE))


def test_a_pack_photo_is_a_square_jpeg_of_the_requested_size(photo):
    _, image = photo

    assert image.format == "JPEG"
    assert image.size == (SIZE, SIZE)


def test_the_studio_light_comes_from_the_upper_left(photo):
    _, image = photo
    upper_left = brightness(image, 0, 0, 0.15, 0.15)

    assert upper_left > brightness(image, 0.85, 0, 1, 0.15) + 15
    assert upper_left > brightness(image, 0.85, 0.85, 1, 1) + 15


def test_the_pack_casts_its_shadow_to_the_lower_right(photo):
    _, image = photo  # the pack stands at 45% across with its base at 84% down
    lower_right = brightness(image, 0.61, 0.85, 0.71, 0.9)

    assert lower_right < 0.85 * brightness(image, 0.19, 0.85, 0.29, 0.9)  # mirrored, left
    assert lower_right < 0.85 * brightness(image, 0.01, 0.85, 0.1, 0.9)  # far left


def test_a_photo_has_tonal_depth_that_a_flat_drawing_lacks(photo):
    shape, image = photo
    flat = flat_drawing(SHOTS[shape])

    def busy_levels(im):  # luminance levels that each hold at least 0.1% of the pixels
        histogram = im.convert("L").histogram()
        return sum(1 for count in histogram if count > sum(histogram) / 1000)

    assert len(image.getcolors(1 << 24)) > 10 * len(flat.getcolors(1 << 24))
    assert busy_levels(image) > 5 * busy_levels(flat)


def test_a_round_pack_is_shaded_from_a_highlight_to_a_dark_edge():
    image = picture(pack_photo(SHOTS["bottle"], size=SIZE)).convert("L")
    centre, half = 0.45 * SIZE, 0.122 * SIZE  # where the bottle stands, and its half-width
    y = round(0.76 * SIZE)  # across its body, under the label

    def across(start, end):
        return [
            image.getpixel((round(centre + t * half), y)) for t in (start, (start + end) / 2, end)
        ]

    assert max(across(-0.7, -0.3)) - min(across(0.85, 0.95)) > 40


def test_the_same_arguments_give_identical_bytes():
    assert pack_photo(SHOTS["jar"], size=300) == pack_photo(SHOTS["jar"], size=300)
    shots = [SHOTS["bottle"]]
    first = scene_photo("kitchen", shots, width=480, height=300, seed="a")

    assert first == scene_photo("kitchen", shots, width=480, height=300, seed="a")
    assert first != scene_photo("kitchen", shots, width=480, height=300, seed="b")


@pytest.mark.parametrize("scene", sorted(SCENES))
def test_every_scene_renders_as_a_jpeg_of_the_asked_size(scene):
    shots = [] if scene == "table" else [SHOTS["jar" if scene == "grains" else "pouch"]]
    image = picture(scene_photo(scene, shots, width=640, height=400))

    assert image.format == "JPEG"
    assert image.size == (640, 400)
    assert len(image.getcolors(1 << 24)) > 5000


@pytest.mark.parametrize("scene", ["kitchen", "table"])
def test_a_scene_has_depth_and_window_light(scene):
    image = picture(scene_photo(scene, [SHOTS["bottle"]], width=800, height=500))
    edges = image.convert("L").filter(ImageFilter.FIND_EDGES)

    def sharpness(top, bottom):
        return ImageStat.Stat(edges.crop((0, round(top * 500), 800, round(bottom * 500)))).mean[0]

    assert sharpness(0.62, 0.8) > 1.5 * sharpness(0, 0.35)  # the room behind is out of focus
    assert brightness(image, 0, 0, 0.5, 1) > brightness(image, 0.5, 0, 1, 1) + 20


def test_an_unknown_scene_is_refused():
    with pytest.raises(ValueError, match="garage"):
        scene_photo("garage", [SHOTS["bottle"]])
    with pytest.raises(ValueError, match="garage"):
        describe("garage", [])


@pytest.mark.parametrize("shape", ["bottle", "pouch", "jar"])
def test_a_pack_photo_alt_text_names_the_product_and_its_pack(shape):
    text = describe_pack(SHOTS[shape])

    assert text == f"A {shape} of {SHOTS[shape].title} on a pale studio backdrop."


def test_a_box_alt_text_reads_naturally():
    assert describe_pack(SHOTS["box"]) == "A Milk Kefir Starter Kit box on a pale studio backdrop."
    assert describe_pack(PackShot("Kefir Cultures", "", "box")).startswith(
        "A box of Kefir Cultures"
    )


def test_a_scene_alt_text_names_the_products_and_the_setting():
    kitchen = describe("kitchen", [SHOTS["bottle"]])
    several = describe("kitchen", [SHOTS["bottle"], SHOTS["pouch"]])

    assert kitchen == (
        "A bottle of Goat's Milk Kefir and a glass of milk kefir"
        " on a wooden kitchen table in window light."
    )
    assert several.startswith("A bottle of Goat's Milk Kefir, a pouch of kēpos daily gut health")
    assert describe("table", []).startswith("A glass of milk kefir and a bowl of kefir grains")
    assert describe("breakfast", [SHOTS["pouch"]]).startswith(
        "A pouch of kēpos daily gut health, a glass of water and a bowl of oats"
    )
    assert "stone" in describe("grains", [SHOTS["jar"]])
