"""Shaded objects and surfaces for the demo photographs (studio.py), and the lighting helpers
they share. Each thing is drawn flat, then lit with gradients (a key light from the left, a
rim light from the right), so it reads as a rounded object in soft light, not as clip-art.
"""

import math
from typing import NamedTuple

from PIL import Image, ImageChops, ImageDraw, ImageFilter

BILINEAR, BICUBIC = Image.Resampling.BILINEAR, Image.Resampling.BICUBIC
KEY = (-0.55, 0.83)  # towards the key light, across the picture: left and in front
GREEN, CLAY, WOOD = (30, 77, 59), (156, 61, 39), (196, 150, 98)
# A heap's pieces: shadow, body and highlight colours, and the colour showing between them.
HEAPS = {
    "grains": ((178, 168, 144), (232, 226, 206), (252, 250, 242), (196, 188, 166)),
    "oats": ((150, 118, 78), (218, 192, 146), (240, 226, 192), (170, 140, 100)),
}


class Cutout(NamedTuple):
    """An object on a transparent ground, and where its base stands (for shadows)."""

    image: Image.Image
    cx: float
    base: float
    half_width: float


def ramp(values, size, vertical: bool = False) -> Image.Image:
    """An L image that changes along one axis only (values 0..1), stretched to size."""
    strip = Image.new("L", (1, len(values)) if vertical else (len(values), 1))
    strip.putdata([max(0, min(255, round(v * 255))) for v in values])
    return strip.resize(size, BILINEAR)


def tint(image: Image.Image, colour) -> Image.Image:
    """Multiply an image (or an L ramp) by a colour."""
    return ImageChops.multiply(image.convert("RGB"), Image.new("RGB", image.size, colour))


def screen(image: Image.Image, colour) -> Image.Image:
    return ImageChops.screen(image, Image.new("RGB", image.size, colour))


def scale_mask(mask: Image.Image, factor: float) -> Image.Image:
    return mask.point(lambda v: round(v * factor))


def blurred(image: Image.Image, radius: float) -> Image.Image:
    return image.filter(ImageFilter.GaussianBlur(radius))


def layer(fill, mask: Image.Image) -> Image.Image:
    """An RGBA layer: a colour or an RGB image, seen through mask."""
    image = (
        fill.convert("RGB") if isinstance(fill, Image.Image) else Image.new("RGB", mask.size, fill)
    )
    image.putalpha(mask)
    return image


def premultiplied(image: Image.Image, change) -> Image.Image:
    """Blur, turn or stretch an RGBA image without dark fringes at its edges."""
    return change(image.convert("RGBa")).convert("RGBA")


def darken(image: Image.Image, mask: Image.Image, at, colour=(92, 88, 86)) -> None:
    """Shade the picture through mask placed at (x, y): only that patch is touched."""
    box = (at[0], at[1], at[0] + mask.width, at[1] + mask.height)
    patch = image.crop(box)
    image.paste(Image.composite(tint(patch, colour), patch, mask), box[:2])


def soften(image: Image.Image, radius: float) -> Image.Image:
    return premultiplied(image, lambda im: blurred(im, radius))


def cylinder(ambient=0.45, spec=0.6, rim=0.35, width=0.07, n=128):
    """Shade and glow across a lit cylinder: dark edges, a specular stripe, a rim light."""
    shade, glow = [], []
    for i in range(n):
        x = -1 + 2 * (i + 0.5) / n
        z = math.sqrt(1 - x * x)
        diffuse = max(0.0, KEY[0] * x + KEY[1] * z)
        shade.append((ambient + (1 - ambient) * diffuse) * (0.6 + 0.4 * math.sqrt(z)))
        stripe = math.exp(-(((x + 0.5) / width) ** 2)) + 0.3 * math.exp(-(((x + 0.4) / 0.3) ** 2))
        glow.append(spec * stripe + rim * math.exp(-(((x - 0.9) / 0.045) ** 2)))
    return [s / max(shade) for s in shade], glow


def lathe(values, size, cx: float, rows) -> Image.Image:
    """Stretch a profile across each row of a turned shape; rows are (y, half-width) pairs.
    Past a row's edge the profile's end value carries on (a bowl's rim overhangs its foot)."""
    source, mesh, right = Image.new("L", (384, 4)), [], size[0]
    source.paste(ramp(values, (256, 4)), (64, 0))
    source.paste(round(values[0] * 255), (0, 0, 64, 4))
    source.paste(round(values[-1] * 255), (320, 0, 384, 4))
    for (y0, w0), (y1, w1) in zip(rows, rows[1:], strict=False):
        if round(y1) > round(y0):
            u = [
                64 + (x - cx + w) * 128 / w for x, w in ((0, w0), (0, w1), (right, w1), (right, w0))
            ]
            mesh.append(((0, round(y0), right, round(y1)), (u[0], 0, u[1], 4, u[2], 4, u[3], 0)))
    return source.transform(size, Image.Transform.MESH, mesh, BILINEAR)


def aa_mask(size, paint, ss: int = 2) -> Image.Image:
    """An anti-aliased mask: paint(draw, k) draws at k times the size, which is then shrunk."""
    big = Image.new("L", (size[0] * ss, size[1] * ss), 0)
    paint(ImageDraw.Draw(big), ss)
    return big.reduce(ss)


def poly_mask(size, points, k: float = 1.0) -> Image.Image:
    return aa_mask(size, lambda d, s: d.polygon([(x * k * s, y * k * s) for x, y in points], 255))


def ellipse_mask(size, cx: float, y: float, w: float, e: float) -> Image.Image:
    """A horizontal circle seen from a little above (a lid, a liquid's surface)."""
    box = [cx - w, y - e * w, cx + w, y + e * w]
    return aa_mask(size, lambda d, s: d.ellipse([v * s for v in box], fill=255))


def ring_mask(size, cx, y, w, e, thickness, far_half=False) -> Image.Image:
    """The outline of a horizontal circle (a rim, a meniscus); far_half: its back half only."""
    box, t = [cx - w, y - e * w, cx + w, y + e * w], max(1.0, thickness)
    if far_half:
        return aa_mask(size, lambda d, s: d.arc([v * s for v in box], 180, 360, 255, round(t * s)))
    return aa_mask(size, lambda d, s: d.ellipse([v * s for v in box], None, 255, round(t * s)))


def lathe_mask(size, cx: float, rows, e: float) -> Image.Image:
    """The silhouette of a turned shape seen from a little above: a stack of ellipses."""

    def paint(draw, k):
        sides = [(cx - w, y) for y, w in rows] + [(cx + w, y) for y, w in reversed(rows)]
        draw.polygon([(x * k, y * k) for x, y in sides], fill=255)
        for y, w in rows[:: max(1, len(rows) // 60)] + rows[-1:]:
            draw.ellipse([(cx - w) * k, (y - e * w) * k, (cx + w) * k, (y + e * w) * k], 255)

    return aa_mask(size, paint)


def turned(profile, k: float, step: float = 2.0):
    """Rows (y, half-width) in pixels, eased between the (y, half-width) points in units."""
    rows = []
    for (y0, w0), (y1, w1) in zip(profile, profile[1:], strict=False):
        n = max(1, round((y1 - y0) * k / step))
        for t in (i / n for i in range(n)):
            rows.append(((y0 + (y1 - y0) * t) * k, (w0 + (w1 - w0) * t * t * (3 - 2 * t)) * k))
    return rows + [(profile[-1][0] * k, profile[-1][1] * k)]


def lit(flat, cx: float, rows, e: float, vertical=None, matte=None, **light) -> Image.Image:
    """Light a flat-coloured turned shape: shade it across each row, add the glints
    (dimmed where matte, a paper label say, is)."""
    shade_values, glow_values = cylinder(**light)
    rows = rows + [(rows[-1][0] + e * rows[-1][1] + 3, rows[-1][1])]  # the base's ellipse
    shade, glow = (lathe(values, flat.size, cx, rows) for values in (shade_values, glow_values))
    if vertical:
        shade = ImageChops.multiply(shade, ramp(vertical, flat.size, vertical=True))
    if matte:
        glow = ImageChops.multiply(glow, ImageChops.invert(scale_mask(matte, 0.7)))
    return ImageChops.screen(ImageChops.multiply(flat, shade.convert("RGB")), glow.convert("RGB"))


def perspective(dst, src) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) taking the dst quad to the src quad."""
    rows = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y, u], [0, 0, 0, x, y, 1, -v * x, -v * y, v]]
    for col in range(8):  # Gauss-Jordan elimination
        pivot = max(range(col, 8), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        for r in range(8):
            if r != col:
                f = rows[r][col] / rows[col][col]
                rows[r] = [a - f * b for a, b in zip(rows[r], rows[col], strict=True)]
    return [rows[i][8] / rows[i][i] for i in range(8)]


def glass(height: float, e: float, liquid: str = "kefir") -> Cutout:
    """A tumbler: faint walls with darker refracting edges and bright glints, a thick base,
    and milk kefir (opaque, with a meniscus) or water (clear, with a bright surface)."""
    h, pad = height, round(height * 0.05)
    top_w, foot_w, wall = 0.36 * h, 0.31 * h, 0.025 * h
    size = (round(2 * top_w) + 2 * pad, round(h + 2 * e * top_w) + 2 * pad)
    cx, top = size[0] / 2, pad + e * top_w
    base, surface, floor = top + h, top + 0.3 * h, top + 0.91 * h

    def width_at(y):
        return top_w + (foot_w - top_w) * (y - top) / h

    def rows(y0, y1, inset=0.0):
        return [(y, width_at(y) - inset) for y in (y0 + (y1 - y0) * i / 60 for i in range(61))]

    def add(colour, mask, strength=1.0):
        out.alpha_composite(layer(colour, scale_mask(mask, strength)))

    whole, inside, sw = rows(top, base), rows(surface, floor, wall), width_at(surface) - wall
    silhouette = lathe_mask(size, cx, whole, e)
    out = layer((232, 240, 238), scale_mask(silhouette, 0.16))
    edge = [min(1.0, max(0.0, (abs(-1 + 2 * i / 63) - 0.8) / 0.2)) ** 1.5 for i in range(64)]
    edges = lathe(edge, size, cx, whole + [(base + e * foot_w, foot_w)])
    add((80, 92, 90), ImageChops.multiply(edges, silhouette), 0.55)
    body, top_face = lathe_mask(size, cx, inside, e), ellipse_mask(size, cx, surface, sw, e)
    if liquid == "kefir":
        milk = Image.new("RGB", size, (250, 248, 242))
        add(lit(milk, cx, inside, e, ambient=0.62, spec=0.3, rim=0.25, width=0.14), body)
        add(tint(ramp([1.0, 0.93, 0.86], size), (240, 237, 229)), top_face)
        add((212, 206, 194), ring_mask(size, cx, surface, sw, e, 0.03 * h, True), 0.8)
    else:
        add((196, 220, 226), body, 0.22)
        add((240, 248, 250), top_face, 0.35)
    add((255, 255, 252), ring_mask(size, cx, surface, sw, e, 0.012 * h))
    add((214, 226, 224), lathe_mask(size, cx, rows(floor, base), e), 0.45)
    add((255, 255, 255), ring_mask(size, cx, floor, width_at(floor) - wall, e, 0.01 * h), 0.7)
    glints = lathe(cylinder(spec=0.95, rim=0.6, width=0.05)[1], size, cx, whole)
    add((255, 255, 255), ImageChops.multiply(glints, silhouette))
    add((250, 253, 252), ring_mask(size, cx, top, top_w, e, 0.012 * h), 0.85)
    return Cutout(out, cx, base, foot_w)


def bowl(width: float, e: float, rng, contents: str = "grains", colour=GREEN) -> Cutout:
    """A glazed bowl seen from a little above, heaped with kefir grains or oats and berries."""
    rx, depth, pad = width / 2, 0.36 * width, round(width * 0.04)
    size = (round(width) + 2 * pad, round(depth + 2 * e * rx + 0.2 * width) + 2 * pad)
    cx, rim = size[0] / 2, pad + 0.16 * width + e * rx
    rows = [(rim + depth * t / 40, rx * math.sqrt(1 - 0.72 * (t / 40) ** 2)) for t in range(41)]
    glaze = {"ambient": 0.62, "spec": 0.3, "rim": 0.25, "width": 0.12}
    image = lit(Image.new("RGB", size, colour), cx, rows, e, [1, 1, 0.94, 0.84, 0.7], **glaze)
    inner = ellipse_mask(size, cx, rim, rx * 0.93, e)
    image = Image.composite(tint(ramp([0.5, 0.7, 1.0], size), colour), image, inner)
    lip = ImageChops.subtract(ellipse_mask(size, cx, rim, rx, e), inner)
    image = Image.composite(screen(image, (80, 80, 74)), image, lip)
    surface, lift, spread = rim + 0.02 * width, 0.12 * width, rx * 0.9
    bed = ellipse_mask(size, cx, surface, spread, e)
    above = [(cx - spread, 0), (cx + spread, 0), (cx + spread, rim), (cx - spread, rim)]
    heap = ImageChops.lighter(bed, poly_mask(size, above))  # the pile may rise above the rim
    pile = Image.new("RGBA", size, (0, 0, 0, 0))
    palette, draw, spots = HEAPS[contents], ImageDraw.Draw(pile), []
    pile.paste((*palette[3], 255), (0, 0), bed)
    for _ in range(190):
        a, r = rng.uniform(0, 2 * math.pi), math.sqrt(rng.random())
        y = surface + math.sin(a) * r * e * spread - lift * (1 - r * r)
        spots.append((y, cx + math.cos(a) * r * rx * 0.86))
    for y, x in sorted(spots):
        grain(draw, x, y, width * rng.uniform(0.035, 0.055), rng, palette)
    for y, x in sorted(rng.sample(spots, 0 if contents == "grains" else 16)):
        berry(
            draw, x + rng.uniform(-5, 5), y - 0.015 * width, width * rng.uniform(0.03, 0.045), rng
        )
    pile = soften(pile, width / 600)
    inside = ImageChops.multiply(pile.getchannel("A"), heap)
    image = Image.composite(pile.convert("RGB"), image, inside)
    outline = ImageChops.lighter(lathe_mask(size, cx, rows, e), inside)
    return Cutout(layer(image, outline), cx, rows[-1][0], rows[-1][1])


def grain(draw, x, y, r, rng, palette=HEAPS["grains"]) -> None:
    """A kefir grain (or a cluster of oats): lumpy, cauliflower-like, lit from the upper left."""
    blobs = [
        (rng.uniform(-0.5, 0.5), rng.uniform(-0.4, 0.4), rng.uniform(0.3, 0.5)) for _ in range(7)
    ]
    blobs = [(x + dx * r, y + dy * r, size * r) for dx, dy, size in blobs]
    for bx, by, br in blobs:
        bx, by = bx + 0.15 * r, by + 0.2 * r
        draw.ellipse([bx - br, by - br, bx + br, by + br], fill=palette[0])
    for bx, by, br in blobs:
        tone = rng.randint(-12, 6)
        draw.ellipse([bx - br, by - br, bx + br, by + br], fill=tuple(c + tone for c in palette[1]))
        hx, hy, hr = bx - 0.3 * br, by - 0.35 * br, br * 0.5
        draw.ellipse([hx - hr, hy - hr, hx + hr, hy + hr], fill=palette[2])


def berry(draw, x, y, r, rng) -> None:
    """A blueberry or a raspberry, with its shadow side and a glint."""
    colour = (58, 62, 104) if rng.random() < 0.6 else (182, 38, 58)
    draw.ellipse(
        [x - 0.8 * r, y - 0.75 * r, x + 1.2 * r, y + 1.25 * r], tuple(c // 2 for c in colour)
    )
    draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    draw.ellipse([x - 0.75 * r, y - 0.75 * r, x - 0.25 * r, y - 0.25 * r], fill=(236, 236, 244))


def spoon(length: float, angle: float, squash: float, rng, grains: bool = False) -> Image.Image:
    """A wooden spoon lying on the table: drawn from above, turned, then foreshortened."""
    big, cy = round(length), length * 0.14
    flat = Image.new("RGB", (big, round(2 * cy)), WOOD)
    draw = ImageDraw.Draw(flat)
    for _ in range(24):  # grain along the handle
        y, shift = rng.uniform(0.4, 1.6) * cy, rng.randint(-44, -14)
        draw.line([(0, y), (big, y + rng.uniform(-4, 4))], tuple(c + shift for c in WOOD), 1)
    outline = [(0.3, -0.025), (0.95, -0.04), (1.0, 0), (0.95, 0.04), (0.3, 0.025)]
    handle = poly_mask(flat.size, [(x * big, cy + y * big) for x, y in outline])
    head = ellipse_mask(flat.size, 0.17 * big, cy, 0.16 * big, 0.75)
    across = ramp([0.55, 0.85, 1.0, 0.95, 0.8, 0.6], flat.size, True).point(lambda v: max(v, 140))
    flat = ImageChops.multiply(flat, across.convert("RGB"))
    hollow = ellipse_mask(flat.size, 0.17 * big, cy, 0.13 * big, 0.68)
    scoop = tint(ramp([0.45, 0.7, 1.0, 1.1], flat.size, vertical=True), WOOD)
    out = layer(Image.composite(scoop, flat, hollow), ImageChops.lighter(handle, head))
    for _ in range(7 if grains else 0):
        spot = (rng.uniform(0.1, 0.24) * big, cy + rng.uniform(-0.05, 0.05) * big)
        grain(ImageDraw.Draw(out), *spot, 0.035 * big, rng)
    out = premultiplied(out, lambda im: im.rotate(angle, BICUBIC, expand=True))
    return premultiplied(out, lambda im: im.resize((im.width, round(im.height * squash)), BICUBIC))


def linen(width: int, height: int, rng, stripe=GREEN) -> Image.Image:
    """A linen tea towel: a fine weave with slubs, a woven stripe, soft folds, fringed ends."""
    base, m = (224, 216, 200), 16
    cloth = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(cloth)
    for y in range(0, height, 2):
        shift = rng.randint(-10, 6)
        draw.line([(0, y), (width, y)], fill=tuple(c + shift for c in base))
    for _ in range(90):
        y, x = rng.uniform(0, height), rng.uniform(0, width)
        draw.line([(x, y), (x + rng.uniform(20, 120), y)], (204, 194, 176), rng.choice([1, 2]))
    for offset, thick in ((0.12, 14), (0.17, 6), (0.83, 6), (0.88, 14)):
        draw.rectangle([0, height * offset, width, height * offset + thick], fill=stripe)
    folds = Image.new("L", (width, height), 128)
    fold = ImageDraw.Draw(folds)
    for _ in range(5):
        x0, x1, gap = rng.uniform(0, width), rng.uniform(0, width), width // 30
        fold.line([(x0, 0), (x1, height)], fill=50, width=width // 28)
        fold.line([(x0 + gap, 0), (x1 + gap, height)], fill=215, width=width // 36)
    folds = blurred(folds, width / 45).convert("RGB")
    cloth = ImageChops.add(blurred(cloth, 0.6), folds, 1.0, -128)
    shape = Image.new("L", (width, height), 0)
    edge = ImageDraw.Draw(shape)
    edge.rectangle([m, m, width - m, height - m], fill=255)
    for y in range(m, height - m, 3):  # the fringe at both ends
        edge.line([(m - rng.uniform(3, m), y), (m, y)], fill=200)
        edge.line([(width - m, y), (width - m + rng.uniform(3, m), y)], fill=200)
    return layer(cloth, blurred(shape, 0.8))


def wood(w: int, h: int, rng) -> Image.Image:
    """Oak boards running away from the camera: a tone per board, fine wavy streaks of
    grain, thin dark seams and a butt joint here and there."""
    image = Image.new("RGB", (w, h))
    draw = ImageDraw.Draw(image)
    oak, board = (rng.randint(170, 184), rng.randint(126, 136), rng.randint(84, 92)), round(w / 14)
    for left in range(0, w, board):
        step = rng.randint(-18, 12)
        tone = (oak[0] + step, oak[1] + step, oak[2] + step * 2 // 3)
        draw.rectangle([left, 0, left + board, h], fill=tone)
        for _ in range(50):
            x, amp, period = (
                left + rng.uniform(0, board),
                rng.uniform(0.5, 4),
                rng.uniform(150, 700),
            )
            phase, shift = rng.uniform(0, 6.3), rng.choice([-24, -18, -12, -8, -6, 6, 10])
            points = [
                (x + amp * math.sin(y / period * 6.28 + phase), y) for y in range(0, h + 40, 40)
            ]
            draw.line(points, tuple(c + shift for c in tone), rng.choice([1, 1, 1, 2]))
        joint, seam = rng.uniform(0, h), tuple(c - 60 for c in tone)
        draw.line([(left, joint), (left + board, joint)], fill=seam, width=2)
        draw.line([(left, 0), (left, h)], fill=seam, width=2)
        draw.line([(left + 2, 0), (left + 2, h)], fill=tuple(c + 14 for c in tone), width=1)
    return ImageChops.multiply(blurred(image, 1.0), clouds(w, h, rng, 0.85).convert("RGB"))


def stone(w: int, h: int, rng) -> Image.Image:
    """Pale honed stone: cloudy tone and a few thin grey veins."""
    image = tint(clouds(w, h, rng, 0.9), (238, 234, 226))
    veins = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(veins)
    for _ in range(9):
        x, y, a = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(-0.6, 0.6)
        points = [(x, y)]
        for _ in range(40):
            a += rng.uniform(-0.35, 0.35)
            x, y = x + 40 * math.cos(a), y + 14 * math.sin(a)
            points.append((x, y))
        draw.line(points, fill=rng.randint(60, 140), width=rng.choice([1, 2, 3]))
    return Image.composite(Image.new("RGB", (w, h), (150, 146, 140)), image, blurred(veins, 1.6))


def clouds(w: int, h: int, rng, low: float) -> Image.Image:
    """Soft, blotchy variation between low and 1, from random noise at a few scales."""
    total = Image.new("L", (w, h), 255)
    for cells in (4, 12, 40):
        noise = Image.frombytes("L", (cells * 3, cells), rng.randbytes(cells * cells * 3))
        noise = noise.resize((w, h), BICUBIC).point(lambda v: round(255 - (1 - low) * v / 3))
        total = ImageChops.multiply(total, noise)
    return total


def plant(draw, rng, x: float, y: float, size: float) -> None:
    """A pot of leaves on the sideboard behind; blurred, it reads as greenery."""
    rim = y - 1.4 * size
    pot = [(x - size, rim), (x + size, rim), (x + 0.75 * size, y), (x - 0.75 * size, y)]
    draw.polygon(pot, fill=(172, 98, 68))
    for _ in range(22):
        a, reach = rng.uniform(-2.8, -0.35), size * rng.uniform(1.4, 3.4)
        tip, turn = (
            complex(x, rim) + reach * complex(math.cos(a), math.sin(a)),
            complex(math.cos(a), math.sin(a)),
        )
        draw.line([(x, rim), (tip.real, tip.imag)], fill=(60, 96, 58), width=1)
        length, breadth, leaf = size * rng.uniform(0.8, 1.3), size * rng.uniform(0.3, 0.45), []
        for t in (i * math.pi / 8 for i in range(16)):
            point = tip + complex(length * math.cos(t), breadth * math.sin(t)) * turn
            leaf.append((point.real, point.imag))
        draw.polygon(leaf, fill=(rng.randint(40, 96), rng.randint(86, 136), rng.randint(48, 78)))


def bokeh(image: Image.Image, rng, across: float) -> Image.Image:
    """Out-of-focus highlights: soft discs with slightly brighter rims, mostly in the window."""
    w, h = image.size
    glow = Image.new("RGB", (w, h), 0)
    draw = ImageDraw.Draw(glow)
    for _ in range(26 if across < 0.5 else 10):
        x, y, r = rng.uniform(0, across * w), rng.uniform(0, 0.42 * h), rng.uniform(0.01, 0.035) * w
        fill = tuple(round(c * rng.uniform(0.15, 0.4)) for c in (255, 246, 226))
        draw.ellipse([x - r, y - r, x + r, y + r], fill, tuple(round(c * 1.3) for c in fill), 1)
    return ImageChops.screen(image, blurred(glow, 1.1))
