"""Every deploy-time setting comes from the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    "csrf_secure": s.CSRF_COOKIE_SECURE, "basket_secure": s.OSCAR_BASKET_COOKIE_SECURE,
    "hsts_subdomains": s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "hsts_preload": s.SECURE_HSTS_PRELOAD,
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
    "DJANGO_SECRET_KEY_FILE",
    "DJANGO_HTTPS",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "EMAIL_URL",
    "MEDIA_ROOT",
    "DJANGO_SECURE_HSTS_SECONDS",
    "DJANGO_SECURE_HSTS_PRELOAD",
    "DJANGO_BEHIND_TLS_PROXY",
]
# Strong enough for the start-up check (50+ characters, varied).
A_KEY = "k7Qp-2vXr9_Lm4ZsWc8NdTf3HyBj6Ug1AeRo5KiP0lVqMxEnYt"


def clean_environment(**environment) -> dict:
    # The test run's own switches (DJANGO_HTTPS, the key file, the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE) are not a deployment's.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in DEPLOY_VARIABLES and not k.startswith("DJANGO_")
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="shop.settings")
    return env


def start(**environment) -> subprocess.CompletedProcess:
    """A fresh process that loads the settings under ``environment`` and prints them."""
    return subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean_environment(**environment),
        capture_output=True,
        text=True,
    )


def load_settings(**environment) -> dict:
    result = start(**environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def start_up_error(**environment) -> str:
    """What a process says when it refuses to start with these settings."""
    result = start(**environment)
    assert result.returncode != 0, "the process started"
    return result.stderr


def test_defaults_are_a_local_sqlite_store_that_wants_https():
    s = load_settings(DJANGO_SECRET_KEY=A_KEY)

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
    # DEBUG off means production: HTTPS only, Secure cookies, a year of HSTS.
    assert s["ssl_redirect"] is True
    assert s["secure_cookies"] and s["csrf_secure"] and s["basket_secure"]
    assert s["hsts"] == 31536000 and s["hsts_subdomains"] is True
    assert s["hsts_preload"] is False  # the owner's decision: hard to undo


def test_one_switch_serves_plain_http_on_loopback():
    s = load_settings(DJANGO_SECRET_KEY=A_KEY, DJANGO_HTTPS="false")

    assert s["ssl_redirect"] is False
    assert not (s["secure_cookies"] or s["csrf_secure"] or s["basket_secure"])
    assert s["hsts"] == 0


def test_the_store_refuses_to_start_without_a_strong_key_when_debug_is_off():
    assert "Set DJANGO_SECRET_KEY" in start_up_error()
    assert "too weak" in start_up_error(DJANGO_SECRET_KEY="change-me-to-a-long-random-string")
    assert "too weak" in start_up_error(DJANGO_SECRET_KEY="django-insecure-" + A_KEY)
    assert "too weak" in start_up_error(DJANGO_SECRET_KEY="a" * 60)
    assert "cannot be read" in start_up_error(DJANGO_SECRET_KEY_FILE="/nonexistent/key")


def test_a_key_file_serves_as_the_key(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(A_KEY + "\n")

    assert load_settings(DJANGO_SECRET_KEY_FILE=str(key_file))["secret"] == A_KEY


def test_a_debug_run_without_a_key_signs_with_this_checkouts_own():
    s = load_settings(DJANGO_DEBUG="true")

    assert s["secret"] == (ROOT / "var" / "secret_key").read_text().strip()
    assert s["ssl_redirect"] is False and s["hsts"] == 0


def test_deploy_checks_pass_with_only_a_key_and_the_hosts():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=clean_environment(DJANGO_SECRET_KEY=A_KEY, DJANGO_ALLOWED_HOSTS="kepos.example"),
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr + result.stdout


def test_production_values_come_from_the_environment():
    s = load_settings(
        DATABASE_URL="postgres://shop:pw@db.internal:5432/kepos",
        REDIS_URL="redis://cache.internal:6379/1",
        DJANGO_SECRET_KEY=A_KEY,
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="kepos.example,www.kepos.example",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.example:587",
        MEDIA_ROOT="/srv/media",
        DJANGO_SECURE_HSTS_SECONDS="63072000",
    )

    assert s["engine"] == "django.db.backends.postgresql"
    assert s["name"] == "kepos"
    assert s["atomic"] is True
    assert s["conn_max_age"] > 0
    assert s["cache"] == "shop.core.cache.ResilientRedisCache"
    assert s["cache_location"] == "redis://cache.internal:6379/1"
    assert s["secret"] == A_KEY
    assert s["hosts"] == ["kepos.example", "www.kepos.example"]
    assert s["email_backend"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["email_host"] == "smtp.example"
    assert s["media_root"] == "/srv/media"
    assert s["ssl_redirect"] is True and s["secure_cookies"] is True
    assert s["hsts"] == 63072000


def test_local_memory_caching_is_only_for_a_single_process_on_request():
    assert load_settings(DJANGO_DEBUG="true", DJANGO_CACHE="locmem")["cache"].endswith(
        "LocMemCache"
    )
    assert load_settings(DJANGO_DEBUG="true", REDIS_URL="redis://r:6379/0")["cache"].endswith(
        "ResilientRedisCache"
    )


def test_debug_is_switched_on_only_explicitly():
    assert load_settings(DJANGO_DEBUG="true")["debug"] is True
    assert load_settings(DJANGO_DEBUG="", DJANGO_SECRET_KEY=A_KEY)["debug"] is False


def test_env_example_documents_every_variable_settings_read():
    documented = (ROOT / ".env.example").read_text()
    source = (ROOT / "shop" / "settings.py").read_text()
    import re

    read = set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z_]+)"', source))
    assert read, "settings.py should read the environment"
    missing = sorted(name for name in read if f"{name}=" not in documented)
    assert not missing, f".env.example does not document {missing}"


@pytest.mark.django_db
def test_health_checks_answer_over_plain_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/").status_code == 301
    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"status": "ok", "database": "ok"}
