"""Every deploy-time setting comes from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
db = s.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "atomic": db["ATOMIC_REQUESTS"],
    "conn_max_age": db.get("CONN_MAX_AGE"), "options": db.get("OPTIONS", {}),
    "cache": s.CACHES["default"]["BACKEND"], "cache_location": s.CACHES["default"].get("LOCATION"),
    "debug": s.DEBUG, "hosts": s.ALLOWED_HOSTS, "secret": s.SECRET_KEY,
    "email_backend": s.EMAIL_BACKEND, "email_host": s.EMAIL_HOST,
    "media_root": str(s.MEDIA_ROOT), "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "secure_cookies": s.SESSION_COOKIE_SECURE, "hsts": s.SECURE_HSTS_SECONDS,
    "sessions": s.SESSION_ENGINE, "tz": s.TIME_ZONE, "lang": s.LANGUAGE_CODE,
    "currency": s.OSCAR_DEFAULT_CURRENCY,
}))
"""

DEPLOY_VARIABLES = [
    "DATABASE_URL",
    "REDIS_URL",
    "DJANGO_CACHE",
    "DJANGO_SECRET_KEY",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "DJANGO_SECURE_SSL_REDIRECT",
    "DJANGO_SECURE_COOKIES",
    "DJANGO_SECURE_HSTS_SECONDS",
]


def load_settings(**environment) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in DEPLOY_VARIABLES}
    env.update(environment, DJANGO_SETTINGS_MODULE="shop.settings")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_are_a_safe_local_sqlite_store():
    s = load_settings()

    assert s["engine"] == "django.db.backends.sqlite3"
    assert s["name"].endswith("var/db.sqlite3")
    assert s["atomic"] is False
    assert s["options"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in s["options"]["init_command"]
    assert s["options"]["timeout"] >= 5
    assert s["debug"] is False
    # Several gunicorn workers share sessions and limits: not a per-process memory.
    assert s["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert s["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert (s["tz"], s["lang"], s["currency"]) == ("Europe/London", "en-gb", "GBP")
    assert s["ssl_redirect"] is False and s["secure_cookies"] is False


def test_production_values_come_from_the_environment():
    s = load_settings(
        DATABASE_URL="postgres://shop:pw@db.internal:5432/kepos",
        REDIS_URL="redis://cache.internal:6379/1",
        DJANGO_SECRET_KEY="a-real-secret",
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="kepos.example,www.kepos.example",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example:587",
        MEDIA_ROOT="/srv/media",
        DJANGO_SECURE_SSL_REDIRECT="true",
        DJANGO_SECURE_COOKIES="true",
        DJANGO_SECURE_HSTS_SECONDS="31536000",
    )

    assert s["engine"] == "django.db.backends.postgresql"
    assert s["name"] == "kepos"
    assert s["atomic"] is True
    assert s["conn_max_age"] > 0
    assert s["cache"] == "shop.core.cache.ResilientRedisCache"
    assert s["cache_location"] == "redis://cache.internal:6379/1"
    assert s["secret"] == "a-real-secret"
    assert s["hosts"] == ["kepos.example", "www.kepos.example"]
    assert s["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["email_host"] == "smtp.example"
    assert s["media_root"] == "/srv/media"
    assert s["ssl_redirect"] is True and s["secure_cookies"] is True
    assert s["hsts"] == 31536000


def test_local_memory_caching_is_only_for_a_single_process_on_request():
    assert load_settings(DJANGO_CACHE="locmem")["cache"].endswith("LocMemCache")
    assert load_settings(REDIS_URL="redis://r:6379/0")["cache"].endswith("ResilientRedisCache")


def test_debug_is_switched_on_only_explicitly():
    assert load_settings(DJANGO_DEBUG="true")["debug"] is True
    assert load_settings(DJANGO_DEBUG="")["debug"] is False


def test_env_example_documents_every_variable_settings_read():
    documented = (ROOT / ".env.example").read_text()
    source = (ROOT / "shop" / "settings.py").read_text()
    import re

    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))
    assert read, "settings.py should read the environment"
    missing = sorted(name for name in read if f"{name}=" not in documented)
    assert not missing, f".env.example does not document {missing}"
