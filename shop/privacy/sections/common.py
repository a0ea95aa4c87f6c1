"""What the sections share: how a person is matched, the placeholder that replaces
what is erased, and plain JSON values."""

import re
from decimal import Decimal

from django.db.models import Q

ERASED = "(erased)"
ERASED_NAME = "Erased"
# .invalid never resolves (RFC 2606): mail to an erased order goes nowhere.
ERASED_EMAIL = "erased@erased.invalid"


def of_person(user, email: str, *, user_field: str = "user", email_field: str = "email") -> Q:
    """Rows that are the person's: linked to their account, or carrying their e-mail."""
    match = Q(**{f"{email_field}__iexact": email}) if email_field and email else Q(pk__in=[])
    if user is not None and user_field:
        match |= Q(**{user_field: user})
    return match


def when(value) -> str | None:
    return value.isoformat() if value else None


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def text(value) -> str:
    """A field as text: phone numbers and the like, empty for nothing."""
    return str(value) if value else ""


def scrub(message: str, needles: set[str]) -> str:
    """``message`` with each needle (an e-mail, a full name) replaced, whatever its case."""
    for needle in sorted((n for n in needles if n and len(n) > 3), key=len, reverse=True):
        message = re.sub(re.escape(needle), ERASED, message, flags=re.IGNORECASE)
    return message


def address(item) -> dict | None:
    """An address as the person wrote it (shipping ones also have a phone and notes)."""
    if item is None:
        return None
    data = {
        "title": item.title,
        "first_name": item.first_name,
        "last_name": item.last_name,
        "line1": item.line1,
        "line2": item.line2,
        "line3": item.line3,
        "town_or_city": item.line4,
        "county": item.state,
        "postcode": item.postcode,
        "country": item.country.printable_name if item.country_id else "",
    }
    if hasattr(item, "phone_number"):
        data.update(phone_number=text(item.phone_number), instructions=item.notes)
    return data


# The fields an erased address keeps empty or holds the placeholder in; the
# country stays (VAT follows where goods went).
ERASED_ADDRESS = {
    "title": "",
    "first_name": ERASED_NAME,
    "last_name": "",
    "line1": ERASED,
    "line2": "",
    "line3": "",
    "line4": "",
    "state": "",
    "postcode": "",
    "search_text": ERASED_NAME.lower(),
}
ERASED_SHIPPING_ADDRESS = {**ERASED_ADDRESS, "phone_number": "", "notes": ""}
