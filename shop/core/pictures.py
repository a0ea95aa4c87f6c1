"""Responsive pictures: one image at a few widths, in AVIF and WebP with a JPEG fallback.

A template prints them with ``shop/partials/picture.html``: the browser takes the
first format it understands at the width its layout needs (``sizes``), and the
``<img>`` carries the width and height, so nothing moves when it arrives. The
renditions are made on first use by sorl-thumbnail (Oscar's thumbnailer). Asking sorl
for each costs a key-value-store read per rendition (three formats times each width), so
the assembled picture is cached under one key, and each process keeps the pictures it
has read (a bounded memo): a grid of thirty products makes no cache read once warm,
where it made thirty.
"""

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from django.core.cache import cache
from sorl.thumbnail import get_thumbnail

# (sorl format, MIME type, quality): AVIF at 60 looks like JPEG at 82 at a fraction of the size
FORMATS = (("AVIF", "image/avif", 60), ("WEBP", "image/webp", 80))
FALLBACK = ("JPEG", 82)
# Part of each cached picture's key: change it when FORMATS, FALLBACK or Picture change.
LAYOUT = 1
# Uploads get unique names, so a cached picture only goes stale if its files are deleted.
CACHE_SECONDS = 30 * 24 * 3600
MEMO_SIZE = 2048  # pictures kept per process: a few hundred bytes each
_memo: OrderedDict[str, "Picture"] = OrderedDict()


@dataclass(frozen=True)
class Source:
    type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    sources: tuple[Source, ...]
    src: str
    srcset: str
    width: int
    height: int
    largest: str  # the JPEG at the widest width asked for: a zoomed view, link previews


def picture(image, widths: tuple[int, ...], *, square: bool = False) -> Picture | None:
    """``image`` (an ImageField file, or a file name in storage) at each of ``widths``
    (ascending); ``square`` crops to the centre.

    The fallback ``src`` is the second width (or the only one), a sensible size for a
    browser that reads neither ``srcset`` nor the newer formats."""
    if not image:
        return None
    about = f"{LAYOUT}:{getattr(image, 'name', image)}:{','.join(map(str, widths))}:{int(square)}"
    key = "picture:" + hashlib.sha256(about.encode()).hexdigest()  # any file name, any length
    found = _memo.get(key)
    if found is not None:
        _memo.move_to_end(key)
        return found
    found = cache.get(key)
    if found is None:
        found = assemble(image, widths, square)
        cache.set(key, found, CACHE_SECONDS)
    _memo[key] = found
    if len(_memo) > MEMO_SIZE:
        _memo.popitem(last=False)
    return found


def forget() -> None:
    """Empty this process's memo (tests, which reuse file names across databases)."""
    _memo.clear()


def assemble(image, widths: tuple[int, ...], square: bool) -> Picture:
    geometries = [f"{w}x{w}" if square else str(w) for w in widths]
    options = {"crop": "center"} if square else {"upscale": False}

    def renditions(fmt: str, quality: int) -> list:
        return [get_thumbnail(image, g, format=fmt, quality=quality, **options) for g in geometries]

    fallback = renditions(*FALLBACK)
    default = fallback[1] if len(fallback) > 1 else fallback[0]
    sources = tuple(
        Source(type=mime, srcset=srcset(renditions(fmt, quality))) for fmt, mime, quality in FORMATS
    )
    return Picture(
        sources=sources,
        src=default.url,
        srcset=srcset(fallback),
        width=default.width,
        height=default.height,
        largest=fallback[-1].url,
    )


def srcset(renditions: list) -> str:
    """Each rendition once, at its real width (``upscale=False`` can repeat the largest)."""
    seen: dict[int, str] = {}
    for r in renditions:
        seen.setdefault(r.width, r.url)
    return ", ".join(f"{url} {width}w" for width, url in seen.items())
