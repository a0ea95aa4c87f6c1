"""Demo photography: packs and scenes rendered with Pillow to look photographed: light, depth,
shadow. A key light from the upper left, soft shadows falling to the lower right, shallow
depth of field and a little grain, so the demo shop reads as a real one, not a mock-up.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw

from shop.core.drawing import draw_text, font, wrap
from shop.demo import studio_props as props
from shop.demo.pack_shots import STYLES, PackShot
from shop.demo.studio_props import BICUBIC, BILINEAR, GREEN, Cutout, blurred, layer, ramp, tint

INK, PAPER = (31, 36, 33), (251, 250, 246)
UNIT = (600, 800)  # packs are drawn in these units, then scaled
WALLS = {"kitchen": (224, 211, 192), "breakfast": (236, 227, 212), "grains": (212, 214, 204)}
# Bottle and jar: (y, half-width) down the side; cap or lid (top, bottom, half-width); label.
PROFILES = {
    "bottle": [(128, 58), (140, 54), (185, 54), (300, 132), (764, 132), (780, 124)],
    "jar": [(232, 150), (250, 150), (296, 172), (764, 172), (780, 164)],
}
CAPS = {"bottle": ((62, 132, 64), (350, 650)), "jar": ((146, 238, 168), (340, 660))}
FINISH = {"bottle": (0.62, 0.5, 0.07), "jar": (0.66, 0.35, 0.1)}  # ambient, gloss, spread
# Each scene: its props (what, across, depth), where packs go, what the alt text says.
SCENES = {
    "kitchen": (
        [("linen", 0.28, 1.14), ("glass:kefir", 0.3, 1.16)],
        [(0.6, 1.32), (0.82, 1.22), (0.44, 1.62)],
        ("a glass of milk kefir", "on a wooden kitchen table in window light"),
    ),
    "breakfast": (
        [("linen", 0.76, 1.0), ("glass:water", 0.28, 1.14), ("bowl:oats", 0.76, 1.03)],
        [(0.52, 1.36), (0.36, 1.7), (0.93, 1.6)],
        ("a glass of water and a bowl of oats with berries", "on a breakfast table in morning sun"),
    ),
    "grains": (
        [("bowl:grains", 0.62, 1.08), ("spoon", 0.86, 0.98)],
        [(0.32, 1.38), (0.12, 1.6), (0.84, 1.7)],
        ("a bowl of live kefir grains and a wooden spoon", "on a pale stone worktop"),
    ),
    "table": (
        [("linen", 0.55, 1.03), ("glass:kefir", 0.38, 1.24), ("bowl:grains", 0.62, 1.02)],
        [(0.82, 1.5), (0.16, 1.55), (0.22, 1.8)],
        ("a glass of milk kefir and a bowl of kefir grains", "on a wooden table in window light"),
    ),
}


def pack_photo(shot: PackShot, size: int = 1200) -> bytes:
    """A square studio photograph of one pack on a seamless paper sweep, lit by a softbox."""
    image = _sweep(size, STYLES[shot.shape][0])
    pack = render_pack(shot, size * 0.74, e=0.13)
    at = (round(size * 0.45 - pack.cx), round(size * 0.84 - pack.base))
    _shadow(image, pack, at, slant=(0.62, 0.2), strength=0.5)
    image.paste(pack.image, at, pack.image)
    return _finish(image, random.Random(f"pack|{shot}"), vignette=0.2)  # noqa: S311


def scene_photo(
    scene: str, shots: list[PackShot], width: int = 1600, height: int = 1000, seed: str = ""
) -> bytes:
    """A landscape 'lifestyle' photograph: packs and props on a table by a window, the room
    behind thrown out of focus."""
    if scene not in SCENES:
        raise ValueError(f"Unknown scene {scene!r}; choose one of {', '.join(SCENES)}")
    rng = random.Random(f"{scene}|{seed}|{width}x{height}")  # noqa: S311
    room, sunny = Room(width, height), scene == "breakfast"
    image = room.backdrop(rng, scene)
    placed, slots, _ = SCENES[scene]
    items = placed + [(shot, x, z) for shot, (x, z) in zip(shots, slots, strict=False)]
    for what, x, z in items:
        if what == "linen":
            room.lay_cloth(image, rng, x, z)
        elif what == "spoon":
            room.lay_spoon(image, rng, x, z, grains=scene == "grains")
    standing = [item for item in items if item[0] not in ("linen", "spoon")]
    for what, x, z in sorted(standing, key=lambda item: -item[2]):
        thing = room.render(what, rng, z)
        at = (round(x * width - thing.cx), round(room.ground(z) - thing.base))
        if z > 1.45:  # behind the plane of focus
            thing = thing._replace(image=props.soften(thing.image, z - 0.6))
        _shadow(image, thing, at, slant=(0.9, 0.1) if sunny else (0.7, 0.12), strength=0.6)
        image.paste(thing.image, at, thing.image)
    warm = (255, 224, 176) if sunny else (255, 236, 206)
    return _finish(_window_light(image, warm, 0.5 if sunny else 0.36), rng, vignette=0.3)


def describe(scene: str, shots: list[PackShot]) -> str:
    """Alt text for a scene photograph: what is on the table, and where."""
    if scene not in SCENES:
        raise ValueError(f"Unknown scene {scene!r}")
    things, where = SCENES[scene][2]
    packs = [_pack_phrase(shot) for shot in shots[: len(SCENES[scene][1])]]
    parts = packs + things.split(" and ")  # so that only the last two take an "and"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{listed[0].upper()}{listed[1:]} {where}."


def describe_pack(shot: PackShot) -> str:
    """Alt text for a pack photograph."""
    phrase = _pack_phrase(shot)
    return f"{phrase[0].upper()}{phrase[1:]} on a pale studio backdrop."


def _pack_phrase(shot: PackShot) -> str:
    title = shot.title.strip()
    if shot.shape == "box" and title.split()[-1].lower() in {"kit", "case", "set", "course"}:
        return f"{'an' if title[:1].lower() in 'aeiou' else 'a'} {title} box"
    return f"a {shot.shape if shot.shape in STYLES else 'pack'} of {title}"


# Packs


def render_pack(shot: PackShot, height: float, e: float = 0.13) -> Cutout:
    """The pack as an RGBA cut-out, lit from the upper left; e is how much of a circle's
    top the camera sees (its ellipses' height to width)."""
    k = height / UNIT[1]
    size = (round(UNIT[0] * k), round(UNIT[1] * k))
    if shot.shape in PROFILES:
        return _turned_pack(shot, k, size, e)
    return _pouch(shot, k, size) if shot.shape == "pouch" else _box(shot, k, size, e)


def _label(shot: PackShot, size, k: float, text_width: float) -> Image.Image:
    """The flat paper label: brand, a rule, the product's name and the subtitle."""
    label = Image.new("RGBA", size, (*PAPER, 255))
    draw, width, rule = ImageDraw.Draw(label), size[0], max(1, round(3 * k))

    def centred(y, text, face, fill):
        draw_text(draw, ((width - face.getlength(text.replace("ē", "e"))) / 2, y), text, face, fill)

    centred(22 * k, "kēpos", font(round(48 * k)), GREEN)
    draw.line([(width / 2 - 40 * k, 90 * k), (width / 2 + 40 * k, 90 * k)], props.CLAY, rule)
    face, y = font(round((30 if len(shot.title) < 26 else 25) * k)), 110 * k
    for line in wrap(shot.title, face, text_width)[:4]:
        centred(y, line, face, INK)
        y += face.size * 1.25
    if shot.subtitle:
        centred(size[1] - 50 * k, shot.subtitle, font(round(21 * k)), GREEN)
    draw.rectangle([0, size[1] - 14 * k, width, size[1]], fill=GREEN)
    draw.rectangle([0, 0, width - 1, size[1] - 1], outline=(222, 220, 212), width=rule)
    return label


def _wrap_round(label: Image.Image, size, cx: float, w: float, top: float, e: float):
    """Wrap a flat label round a cylinder: squeezed towards the sides, its edges curving."""
    lw, lh = label.size
    reach, mesh, steps = lw / 2 / w, [], 40  # reach: half the angle the label covers
    for i in range(steps):
        a0, a1 = -reach + 2 * reach * i / steps, -reach + 2 * reach * (i + 1) / steps
        x0, x1 = round(cx + w * math.sin(a0)), round(cx + w * math.sin(a1))
        o0, o1 = e * w * math.cos(a0), e * w * math.cos(a1)
        y0, y1 = math.floor(top + min(o0, o1)), math.ceil(top + lh + max(o0, o1))
        u0, u1 = (a0 + reach) * w, (a1 + reach) * w
        if x1 > x0:
            quad = (u0, y0 - top - o0, u0, y1 - top - o0, u1, y1 - top - o1, u1, y0 - top - o1)
            mesh.append(((x0, y0, x1, y1), quad))
    mesh_kind = Image.Transform.MESH
    return props.premultiplied(label, lambda im: im.transform(size, mesh_kind, mesh, BILINEAR))


def _turned_pack(shot: PackShot, k: float, size, e: float) -> Cutout:
    """A bottle or jar: shaded round its body, a wrapped label, a ridged cap or lid."""
    (cap_top, cap_bottom, cap_w), (label_top, label_bottom) = CAPS[shot.shape]
    ambient, gloss, spread = FINISH[shot.shape]
    profile = PROFILES[shot.shape]
    cx, rows, body_w = size[0] / 2, props.turned(profile, k), max(w for _, w in profile) * k
    flat = Image.new("RGB", size, STYLES[shot.shape][1])
    label = _label(
        shot, (round(2 * body_w), round((label_bottom - label_top) * k)), k, 1.3 * body_w
    )
    wrapped = _wrap_round(label, size, cx, body_w, label_top * k, e)
    flat.paste(wrapped, (0, 0), wrapped)
    light = {"ambient": ambient, "spec": gloss, "width": spread, "rim": 0.4}
    body = props.lit(flat, cx, rows, e, [1] * 8 + [0.96, 0.82], wrapped.getchannel("A"), **light)
    cap_rows = props.turned([(cap_top, cap_w), (cap_bottom, cap_w)], k)
    cap = Image.new("RGB", size, GREEN)
    draw = ImageDraw.Draw(cap)
    for step in range(-9, 10):  # ridges, crowding towards the sides as the cap turns away
        x = cx + cap_w * k * math.sin(step / 10 * math.pi / 2)
        draw.line([(x, 0), (x, size[1])], fill=(18, 50, 38), width=max(1, round(2 * k)))
    cap = props.lit(cap, cx, cap_rows, e, ambient=0.35, spec=0.5, rim=0.45, width=0.1)
    cap_mask = props.lathe_mask(size, cx, cap_rows, e)
    image = Image.composite(cap, body, cap_mask)
    lid = props.ellipse_mask(size, cx, cap_top * k, (cap_w - 3) * k, e)
    image = Image.composite(tint(ramp([1.0, 0.85, 0.7], size), (74, 128, 104)), image, lid)
    alpha = ImageChops.lighter(props.lathe_mask(size, cx, rows, e), cap_mask)
    return Cutout(layer(image, alpha), cx, rows[-1][0] + e * rows[-1][1], rows[-1][1])


def _pouch(shot: PackShot, k: float, size) -> Cutout:
    """A stand-up pouch: a soft pillow of foil with a crimped top seal, folds and a gusset."""
    cx, line = size[0] / 2, max(1, round(2 * k))

    def at(points):  # units, across from the middle, to pixels
        return [(cx + x * k, y * k) for x, y in points]

    rows = props.turned([(140, 146), (190, 150), (480, 162), (740, 156), (782, 140)], k)
    flat = Image.new("RGB", size, GREEN)
    label = _label(shot, (round(236 * k), round(340 * k)), k, 200 * k)
    corner = 16 * k
    rounded = props.aa_mask(
        label.size,
        lambda d, s: d.rounded_rectangle(
            [0, 0, label.width * s - 1, label.height * s - 1], corner * s, 255
        ),
    )
    flat.paste(label, (round(cx - 118 * k), round(292 * k)), rounded)
    draw = ImageDraw.Draw(flat)
    draw.rectangle([0, 140 * k, size[0], 190 * k], fill=(24, 62, 47))
    for x in range(0, size[0], max(2, round(6 * k))):  # the crimp's ribs
        draw.line([(x, 146 * k), (x, 186 * k)], fill=(44, 96, 76), width=line)
    draw.line([(0, 214 * k), (size[0], 214 * k)], fill=(18, 48, 36), width=line + 1)
    draw.line([(0, 219 * k), (size[0], 219 * k)], fill=(52, 104, 82), width=line)
    fall = [0.9, 1.0, 1.0, 0.97, 0.94, 0.78]
    body = props.lit(flat, cx, rows, 0.04, fall, ambient=0.55, spec=0.35, rim=0.3, width=0.2)
    folds = Image.new("L", size, 128)
    fold = ImageDraw.Draw(folds)
    for shift, tone in ((0, 60), (9, 200)):
        fold.line(at([(shift - 126, 196), (shift - 70, 330)]), tone, round(10 * k))
        fold.line(at([(shift + 104, 230), (shift + 118, 520)]), tone, round(8 * k))
        gusset = at([(-160, 600 + shift), (160, 720 + shift)])
        fold.arc(gusset, 15, 165, fill=tone, width=round(10 * k))
    body = ImageChops.add(body, blurred(folds, 7 * k).convert("RGB"), 1.0, -128)
    zigzag = [(-146 + 292 * i / 48, 140 + (4 if i % 2 else 0)) for i in range(49)]
    seal = props.poly_mask(size, at([*zigzag, (148, 196), (-148, 196)]))
    pillow = props.lathe_mask(size, cx, [r for r in rows if r[0] >= 186 * k], 0.04)
    notch = props.poly_mask(size, at([(-170, 196), (-138, 206), (-170, 216)]))
    shape = ImageChops.subtract(ImageChops.lighter(pillow, seal), notch)
    return Cutout(layer(body, shape), cx, rows[-1][0] + 0.04 * rows[-1][1], rows[-1][1])


def _box(shot: PackShot, k: float, size, e: float) -> Cutout:
    """A carton turned a little: a lit front, a darker side and a lighter top in perspective."""
    colour, lift = STYLES["box"][1], 200 * max(0.1, e)  # lift: how much of the top shows
    back_top, back_bottom = 262 - lift, 790 - lift  # the far edge of the side
    side = [(420, 262), (500, back_top), (500, back_bottom), (420, 790)]
    top = [(140, 262), (420, 262), (500, back_top), (220, back_top)]
    outline = [(140, 790), (140, 262), (220, back_top), *side[1:]]
    band = [(420, 740), (500, 740 - lift), (500, 754 - lift), (420, 754)]
    flat = Image.new("RGB", size, colour)
    label = _label(shot, (round(236 * k), round(360 * k)), k, 200 * k)
    flat.paste(label, (round(162 * k), round(330 * k)), label)
    ImageDraw.Draw(flat).rectangle([140 * k, 740 * k, 420 * k, 754 * k], fill=PAPER)
    light = ImageChops.multiply(ramp([1.0, 0.97, 0.9], size), ramp([1, 1, 0.93, 0.8], size, True))
    image = ImageChops.multiply(flat, light.convert("RGB"))
    side_colour = tint(ramp([0.5, 0.5, 0.62, 0.66, 0.55], size), colour)
    ImageDraw.Draw(side_colour).polygon([(x * k, y * k) for x, y in band], fill=(186, 180, 170))
    top_colour = props.screen(ramp([0.45, 0.3], size).convert("RGB"), colour)
    image = Image.composite(side_colour, image, props.poly_mask(size, side, k))
    image = Image.composite(top_colour, image, props.poly_mask(size, top, k))
    edge = [(140 * k, 262 * k), (420 * k, 262 * k), (420 * k, 790 * k)]
    edges = props.aa_mask(
        size, lambda d, s: d.line([(x * s, y * s) for x, y in edge], 255, round(3 * k * s))
    )
    image = Image.composite(props.screen(image, (120, 110, 100)), image, edges)
    return Cutout(layer(image, props.poly_mask(size, outline, k)), 320 * k, 790 * k, 180 * k)


# Light, shadow and finish


def _shadow(image: Image.Image, thing: Cutout, at, slant=(0.6, 0.16), strength=0.55) -> None:
    """Darken the ground under and beside a thing: a tight contact shadow at its base and a
    long cast shadow, sharp near the base and softer further away, to the lower right."""
    q, (w, h), sx, sy = 4, image.size, *slant
    small, alpha = Image.new("L", (w // q + 1, h // q + 1), 0), thing.image.getchannel("A")
    shrunk = alpha.resize((max(1, alpha.width // q), max(1, alpha.height // q)), BILINEAR)
    small.paste(shrunk, (at[0] // q, at[1] // q))
    base = (at[1] + thing.base - 0.02 * thing.image.height) / q
    slanted = (1, -sx / sy, sx / sy * base, 0, -1 / sy, base * (1 + 1 / sy))
    cast = small.transform(small.size, Image.Transform.AFFINE, slanted, BILINEAR)
    reach = max(1.0, sy * thing.image.height / q)
    along = [min(1.0, max(0.0, (y - base) / reach)) for y in range(small.height)]
    cast = Image.composite(
        blurred(cast, reach * 0.12), blurred(cast, 1.2), ramp(along, small.size, True)
    )
    cast = ImageChops.multiply(
        cast, ramp([strength * (1 - 0.75 * a) for a in along], small.size, True)
    )
    x, y, hw = (at[0] + thing.cx) / q, (at[1] + thing.base) / q, thing.half_width / q
    around = (x - 2.2 * hw, y - 0.9 * hw, x + 2.2 * hw, y + 0.9 * hw)
    found = cast.getbbox() or around
    box = [math.floor(min(a, b)) for a, b in zip(around[:2], found[:2], strict=True)]
    box += [math.ceil(max(a, b)) for a, b in zip(around[2:], found[2:], strict=True)]
    region = cast.crop(box).resize(((box[2] - box[0]) * q, (box[3] - box[1]) * q), BICUBIC)
    ox, oy, r = (x - box[0]) * q, (y - box[1]) * q, hw * q
    for spread, depth, tone, blur in ((1.5, 0.3, 110, 0.25), (1.08, 0.12, 240, 0.05)):
        contact = Image.new("L", region.size, 0)  # an ambient pool, then the tight contact
        oval = [ox - spread * r, oy - depth * r, ox + spread * r, oy + depth * r]
        ImageDraw.Draw(contact).ellipse(oval, tone)
        region = ImageChops.lighter(region, blurred(contact, max(1.5, r * blur)))
    props.darken(image, region, (box[0] * q, box[1] * q))


def _sweep(size: int, colour) -> Image.Image:
    """Seamless paper: a wall that dims towards the curve into the floor, the floor lit again,
    the softbox's glow in the upper left and a fall-off to the right."""
    paper = tuple(round(c + (255 - c) * 0.45) for c in colour)
    down = [0.99, 0.97, 0.95, 0.93, 0.91, 0.89, 0.87, 0.88, 0.93, 0.97, 0.99, 0.98, 0.95]
    light = ImageChops.multiply(
        ramp(down, (size, size), True), ramp([1, 0.96, 0.9, 0.83], (size, size))
    )
    image, r = tint(light, paper), round(0.75 * size)
    spot = Image.radial_gradient("L").point(lambda v: round(140 * max(0.0, 1 - v / 255) ** 2))
    pool = Image.new("L", (size, size), 0)
    pool.paste(
        spot.resize((2 * r, 2 * r), BILINEAR), (round(0.12 * size) - r, round(0.08 * size) - r)
    )
    return Image.composite(props.screen(image, (255, 255, 255)), image, pool)


def _window_light(image: Image.Image, warm, strength: float) -> Image.Image:
    """Broad warm light from a window on the left, falling off across the table."""
    across = ramp([strength * (1 - t / 9) ** 2 for t in range(10)], image.size)
    image = Image.composite(props.screen(image, warm), image, across)
    return ImageChops.multiply(image, ramp([1.0, 0.98, 0.93, 0.86], image.size).convert("RGB"))


def _finish(image: Image.Image, rng: random.Random, vignette: float) -> bytes:
    """Vignette and fine grain, as a lens and a sensor would leave them; then a JPEG."""
    w, h = image.size
    edge = Image.radial_gradient("L").point(
        lambda v: round(255 * (1 - vignette * (v / 255) ** 2.2))
    )
    image = ImageChops.multiply(image, edge.resize((w, h), BILINEAR).convert("RGB"))
    noise = Image.frombytes("L", (w, h), rng.randbytes(w * h)).point(lambda v: 124 + v * 9 // 256)
    image = ImageChops.add(image, noise.convert("RGB"), 1.0, -128)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


# Scenes


class Room:
    """The camera's view of a table by a wall: where a thing at depth z stands, how round its
    circles look (e), with the horizon high because the camera looks down a little."""

    def __init__(self, width: int, height: int):
        self.width, self.height = width, height
        self.horizon, self.lift, self.lens = 0.12 * height, 0.74 * height, 2.85 * height
        self.edge = round(self.ground(2.1))  # the table's back edge, against the wall

    def ground(self, z: float) -> float:
        return self.horizon + self.lift / z

    def point(self, x: float, z: float) -> tuple[float, float]:
        """Where a point on the table (x across in lens units, z deep) is in the picture."""
        return self.width / 2 + self.lens * x / z, self.ground(z)

    def render(self, what, rng: random.Random, z: float) -> Cutout:
        size, e = self.height / z, self.lift / z / self.lens  # e: the ellipses' height to width
        if isinstance(what, PackShot):
            return render_pack(what, 0.78 * size, e)
        kind, _, fill = what.partition(":")
        if kind == "glass":
            return props.glass(0.36 * size, e, fill)
        glaze = GREEN if fill == "grains" else (190, 108, 78)
        return props.bowl(0.42 * size, e, rng, fill, glaze)

    def backdrop(self, rng: random.Random, scene: str) -> Image.Image:
        """The room, far out of focus (a wall, a window full of garden, a plant), and the
        table top in perspective, soft where it leaves the plane of focus."""
        q, window, (w, h) = 4, scene != "grains", (self.width // 4, self.height // 4)
        image = Image.new("RGB", (w, h), WALLS.get(scene, (220, 206, 188)))
        draw = ImageDraw.Draw(image)
        if window:
            right, bottom, frame = 0.34 * w, self.edge / q - 0.1 * h, (232, 226, 214)
            draw.rectangle([-5, -5, right, bottom], fill=(244, 246, 240))
            for _ in range(30):  # the garden outside
                x, y, r = rng.uniform(0, right), rng.uniform(0.25 * h, bottom), rng.uniform(4, 14)
                green = (rng.randint(150, 200), rng.randint(180, 210), rng.randint(130, 160))
                draw.ellipse([x - r, y - r, x + r, y + r], fill=green)
            for x in (0.02 * w, 0.17 * w, right):
                draw.rectangle([x - 2, 0, x + 2, bottom], fill=frame)
            draw.rectangle([0, 0.42 * bottom - 2, right, 0.42 * bottom + 2], fill=frame)
            draw.rectangle([-5, bottom, right + 8, bottom + 5], fill=(238, 232, 220))
        props.plant(draw, rng, (0.86 if window else 0.16) * w, self.edge / q + 2, 0.06 * w)
        image = props.bokeh(blurred(image, 5), rng, 0.34 if window else 0.6)
        image = ImageChops.multiply(
            image, ramp([1, 1, 0.97, 0.95, 0.96, 0.88], (w, h), True).convert("RGB")
        )
        image = image.resize((self.width, self.height), BICUBIC)
        image.paste(self._table(rng, stone=not window, sun=scene == "breakfast"), (0, self.edge))
        seam = (0, self.edge - self.height // 40, self.width, self.edge + self.height // 40)
        image.paste(blurred(image.crop(seam), self.height / 160), seam[:2])
        return image

    def _table(self, rng: random.Random, stone: bool, sun: bool) -> Image.Image:
        """Boards or stone seen from a little above, blurred towards the back (and the front)."""
        tw, td, size = 1800, 800, (self.width, self.height - self.edge)
        texture = props.stone(tw, td, rng) if stone else props.wood(tw, td, rng)
        corners = [
            self.point(x, z) for x, z in ((-0.62, 2.1), (0.62, 2.1), (0.62, 0.8), (-0.62, 0.8))
        ]
        corners = [(x, y - self.edge) for x, y in corners]
        coeffs = props.perspective(corners, [(0, 0), (tw, 0), (tw, td), (0, td)])
        table = texture.transform(size, Image.Transform.PERSPECTIVE, coeffs, BICUBIC)
        if sun:  # a patch of low morning sun through the window's panes
            patch = Image.new("L", (size[0] // 4, size[1] // 4), 0)
            for left in (0, 0.04 * size[0]):
                pane = [(left + dx, dy) for dx, dy in ((0, 18), (90, 18), (200, 100), (90, 100))]
                ImageDraw.Draw(patch).polygon(pane, fill=120)
            patch = blurred(patch, 6).resize(size, BICUBIC)
            table = Image.composite(props.screen(table, (255, 222, 170)), table, patch)
        near, far = ((self.ground(z) - self.edge) / size[1] for z in (0.95, 1.45))
        depth = [max(1 - t / 19 / far, (t / 19 - near) * 2.5, 0) for t in range(20)]
        soft = blurred(table.reduce(2), 3).resize(size, BICUBIC)
        table = Image.composite(soft, table, ramp(depth, size, vertical=True))
        return ImageChops.multiply(table, ramp([0.8, 0.93, 1, 1], size, True).convert("RGB"))

    def lay_cloth(self, image: Image.Image, rng: random.Random, x: float, z: float) -> None:
        """A linen cloth lying flat, a little askew, with a faint shadow along its edges."""
        side, turn = 0.8 * self.height / self.lens, rng.uniform(-0.25, 0.25)
        across, corners = (x - 0.5) * self.width * z / self.lens, []
        for corner in (-0.5 + 0.4j, 0.5 + 0.4j, 0.5 - 0.4j, -0.5 - 0.4j):
            spun = corner * complex(math.cos(turn), math.sin(turn)) * side
            corners.append(self.point(across + spun.real, z + spun.imag))
        left, top = (math.floor(min(c[i] for c in corners)) - 8 for i in (0, 1))
        size = tuple(math.ceil(max(c[i] for c in corners)) + 8 - (left, top)[i] for i in (0, 1))
        cloth = props.linen(720, 560, rng, props.CLAY if rng.random() < 0.5 else GREEN)
        dst = [(cx - left, cy - top) for cx, cy in corners]
        coeffs = props.perspective(dst, [(0, 0), (720, 0), (720, 560), (0, 560)])
        kind = Image.Transform.PERSPECTIVE
        flat = props.premultiplied(cloth, lambda im: im.transform(size, kind, coeffs, BICUBIC))
        self._shade(image, flat, (left + 5, top + 4), 4, 0.35)
        image.paste(flat, (left, top), flat)

    def lay_spoon(self, image, rng, x: float, z: float, grains: bool = False) -> None:
        """A wooden spoon lying on the table, its shadow just beside it."""
        spoon = props.spoon(0.6 * self.height / z, rng.uniform(18, 30), 0.5, rng, grains)
        at = (round(x * self.width - spoon.width / 2), round(self.ground(z) - spoon.height / 2))
        self._shade(image, spoon, (at[0] + 8, at[1] + 7), 5, 0.55)
        image.paste(spoon, at, spoon)

    @staticmethod
    def _shade(image, thing, at, blur: float, strength: float) -> None:
        edge = blurred(thing.getchannel("A"), blur)
        props.darken(image, props.scale_mask(edge, strength), at, (84, 78, 74))
