"""The secret key: from the environment in production, or this checkout's own.

Settings import this before Django is set up, so it imports nothing that
needs settings. ``python -m shop.secret_key`` writes ``var/secret_key`` once (the
Makefile's local runs and the tests read it through DJANGO_SECRET_KEY_FILE).
"""

import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

CHECKOUT_KEY_FILE = Path(__file__).resolve().parent.parent / "var" / "secret_key"


class WeakSecretKey(ImproperlyConfigured):
    """Raised at start-up: the process must not sign sessions with a guessable key."""


def is_weak(key: str) -> bool:
    """The test Django's ``check --deploy`` applies (security.W009)."""
    return len(key) < 50 or len(set(key)) < 5 or key.startswith("django-insecure-")


def checkout_key(path: Path = CHECKOUT_KEY_FILE) -> Path:
    """Create this checkout's key file once (owner-only) and return its path."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(64))
    return path


def load(key: str, key_file: str, *, debug: bool) -> str:
    """The key to sign with, refusing a missing or weak one unless DEBUG is on.

    ``key`` (DJANGO_SECRET_KEY) wins over ``key_file`` (DJANGO_SECRET_KEY_FILE,
    e.g. a mounted secret). A DEBUG run with neither uses the checkout's key.
    """
    if not key and key_file:
        try:
            key = Path(key_file).read_text().strip()
        except OSError as error:
            raise WeakSecretKey(f"DJANGO_SECRET_KEY_FILE cannot be read: {error}") from error
    if not key and debug:
        key = checkout_key().read_text().strip()
    if not key:
        raise WeakSecretKey(
            "Set DJANGO_SECRET_KEY (or DJANGO_SECRET_KEY_FILE): the store will not run "
            "with DEBUG off and no secret key."
        )
    if is_weak(key) and not debug:
        raise WeakSecretKey(
            "DJANGO_SECRET_KEY is too weak: use 50 or more random characters, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(64))'"
        )
    return key


if __name__ == "__main__":
    print(checkout_key())
