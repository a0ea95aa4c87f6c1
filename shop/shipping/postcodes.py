"""UK postcodes: format, and the delivery zone each one falls in.

Zones follow the courier industry's usual surcharge areas. The Channel
Islands, the Isle of Man and British Forces addresses are outside the areas
we deliver to (the Channel Islands are outside UK VAT, and all three need
customs or forces mail).
"""

import re

from django.db import models


class DeliveryZone(models.TextChoices):
    MAINLAND = "mainland", "UK mainland"
    HIGHLANDS_ISLANDS = "highlands_islands", "Highlands & Islands"
    NORTHERN_IRELAND = "northern_ireland", "Northern Ireland"


class PostcodeError(ValueError):
    """A postcode that is malformed or that we cannot deliver to; ``str()`` says why."""


_POSTCODE = re.compile(r"^([A-Z]{1,2})([0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$")


def _districts(*spans: tuple[int, int]) -> frozenset[int]:
    return frozenset(n for first, last in spans for n in range(first, last + 1))


ALL_DISTRICTS = None
# Postcode area -> districts in the Highlands & Islands zone (None: the whole area).
HIGHLANDS_ISLANDS: dict[str, frozenset[int] | None] = {
    "AB": _districts((31, 38), (41, 56)),
    "FK": _districts((17, 21)),
    "HS": ALL_DISTRICTS,
    "IV": ALL_DISTRICTS,
    "KA": _districts((27, 28)),
    "KW": ALL_DISTRICTS,
    "PA": _districts((20, 49), (60, 78)),
    "PH": _districts((17, 26), (30, 44), (49, 50)),
    "ZE": ALL_DISTRICTS,
    "PO": _districts((30, 41)),  # Isle of Wight
    "TR": _districts((21, 25)),  # Isles of Scilly
}
NOT_SERVED = {
    "JE": "We can't deliver to Jersey: the Channel Islands are outside the UK VAT area.",
    "GY": "We can't deliver to Guernsey: the Channel Islands are outside the UK VAT area.",
    "IM": "We can't deliver to the Isle of Man yet.",
    "BF": "We can't deliver to British Forces (BFPO) addresses yet.",
}


def normalise(raw: str) -> str:
    """The postcode in its standard form ("sw1a1aa" -> "SW1A 1AA"), or PostcodeError."""
    compact = re.sub(r"\s+", "", str(raw or "")).upper()
    match = _POSTCODE.match(compact)
    if not match:
        raise PostcodeError("Enter a full UK postcode, like SW1A 1AA.")
    area, district, inward = match.groups()
    return f"{area}{district} {inward}"


def zone_for(raw: str) -> DeliveryZone:
    """The delivery zone of a postcode; PostcodeError if malformed or not served."""
    postcode = normalise(raw)
    area, district_code = re.match(r"([A-Z]+)([0-9]+)", postcode).groups()
    if area in NOT_SERVED:
        raise PostcodeError(NOT_SERVED[area])
    if area == "BT":
        return DeliveryZone.NORTHERN_IRELAND
    if area in HIGHLANDS_ISLANDS:
        districts = HIGHLANDS_ISLANDS[area]
        if districts is ALL_DISTRICTS or int(district_code) in districts:
            return DeliveryZone.HIGHLANDS_ISLANDS
    return DeliveryZone.MAINLAND


def describe_highlands_islands() -> list[str]:
    """The Highlands & Islands areas, for the delivery page: "AB31-38", "HS", ..."""
    described = []
    for area, districts in HIGHLANDS_ISLANDS.items():
        if districts is ALL_DISTRICTS:
            described.append(area)
            continue
        ordered = sorted(districts)
        start = previous = ordered[0]
        for number in [*ordered[1:], None]:
            if number is None or number != previous + 1:
                described.append(
                    f"{area}{start}" if start == previous else f"{area}{start}-{previous}"
                )
                start = number
            previous = number
    return described
