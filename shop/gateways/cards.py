"""Card number checks and brands, for the card form."""

import re

BRANDS = [  # (brand, number prefix pattern, CVC length)
    ("American Express", re.compile(r"^3[47]"), 4),
    ("Visa", re.compile(r"^4"), 3),
    ("Mastercard", re.compile(r"^(5[1-5]|2(2[2-9]|[3-6]\d|7[01]|720))"), 3),
    ("Maestro", re.compile(r"^(50|5[6-9]|6)"), 3),
]


def digits_only(raw: str) -> str:
    """Remove the spaces and dashes shoppers type between groups."""
    return re.sub(r"[\s-]", "", raw or "")


def passes_luhn(number: str) -> bool:
    """The check digit test every card number passes (catches most typos)."""
    if not number.isdigit():
        return False
    total = 0
    for position, digit in enumerate(int(d) for d in reversed(number)):
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def brand_of(number: str) -> tuple[str, int]:
    """(brand name, CVC length) for a card number; unknown brands use 3 digits."""
    for brand, prefix, cvc_length in BRANDS:
        if prefix.match(number):
            return brand, cvc_length
    return "Card", 3
