"""The visitor's choice about optional cookies (PECR), kept in one strictly necessary cookie.

No choice yet means no: nothing optional is set until a visitor accepts. The
choice is part of what a page shows (the banner, or not), so any cache of whole
pages for anonymous visitors must key on ``page_variant`` (three variants), never
serve one visitor's banner state to another.

The cookie holds the version of the optional set the visitor answered about:
adding a new kind of optional cookie asks everyone again.
"""

from django.conf import settings

COOKIE_NAME = "cookie_consent"
VERSION = "1"
ACCEPTED = "accepted"
REJECTED = "rejected"
MAX_AGE_SECONDS = 182 * 24 * 3600  # about six months, as the ICO suggests asking again


def choice_of(request) -> str | None:
    """``"accepted"``, ``"rejected"`` or None (not asked yet, or asked about an older set)."""
    value = request.COOKIES.get(COOKIE_NAME, "") if request is not None else ""
    version, _, choice = value.partition(":")
    if version == VERSION and choice in (ACCEPTED, REJECTED):
        return choice
    return None


def allows_optional(request) -> bool:
    return choice_of(request) == ACCEPTED


def page_variant(request) -> str:
    """The part of a page-cache key that the consent state decides."""
    return choice_of(request) or "unasked"


def remember(response, choice: str) -> None:
    """Set the choice cookie; on rejection, also remove optional cookies already set."""
    response.set_cookie(
        COOKIE_NAME,
        f"{VERSION}:{choice}",
        max_age=MAX_AGE_SECONDS,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    if choice == REJECTED:
        for name in optional_cookie_names():
            response.delete_cookie(name, samesite="Lax")


def optional_cookie_names() -> list[str]:
    from shop.legal.models import StorageItem

    return list(
        StorageItem.objects.filter(kind="cookie", strictly_necessary=False).values_list(
            "name", flat=True
        )
    )
