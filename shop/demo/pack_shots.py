"""What a demo pack is (its name, the line under it, its shape) and each shape's colours:
shop.demo.studio photographs them."""

from dataclasses import dataclass

GREEN = (30, 77, 59)

# One look per kind of pack: backdrop, pack colour.
STYLES = {
    "bottle": ((226, 236, 230), (236, 243, 240)),
    "pouch": ((239, 230, 212), GREEN),
    "jar": ((233, 226, 240), (246, 242, 236)),
    "box": ((240, 224, 214), (198, 120, 90)),
}


@dataclass(frozen=True)
class PackShot:
    title: str
    subtitle: str
    shape: str  # bottle, pouch, jar or box
