"""Which apps hold personal data, and how each exports and erases a person's share.

Apps register a section (and any retention job of their own) from their
AppConfig.ready(), so the privacy app needs
to know nothing of them (and imports none of them); a new app that keeps
personal data adds one line. Both callables receive the person: a user (or
None for a guest known only by e-mail) and the e-mail address.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    name: str
    export: Callable[[Any, str], Any]  # (user or None, email) -> JSON-serialisable data
    erase: Callable[[Any, str], int]  # (user or None, email) -> rows removed or replaced
    # Rows keyed by an address only we write to (e-mails we sent it, sign-in records for
    # it as a username): safe to match by the account's e-mail even when the customer
    # serves themselves (shop.privacy.services, ``account_only``).
    account_email_ok: bool = False


_sections: dict[str, Section] = {}


def register(
    name: str,
    *,
    export: Callable[[Any, str], Any],
    erase: Callable[[Any, str], int],
    account_email_ok: bool = False,
) -> None:
    """Add (or replace, so reloading is harmless) an app's section of the data."""
    _sections[name] = Section(
        name=name, export=export, erase=erase, account_email_ok=account_email_ok
    )


def unregister(name: str) -> None:
    """Remove a section (tests that register one of their own put things back)."""
    _sections.pop(name, None)


def sections() -> list[Section]:
    return list(_sections.values())


# Retention jobs of other apps, run by `manage.py purge_personal_data` with the rest:
# name -> purge(now) returning how many rows went.
_purges: dict[str, Callable[[Any], int]] = {}


def register_purge(name: str, purge: Callable[[Any], int]) -> None:
    _purges[name] = purge


def purges() -> list[tuple[str, Callable[[Any], int]]]:
    return list(_purges.items())
