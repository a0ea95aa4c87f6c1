"""Test-wide set-up: static files without a manifest, a clean cache per test,
and the skip policy (PostgreSQL and browser tests skip with a reason when the
service is missing, except in CI, where nothing selected may skip)."""

import os
import shutil
import tempfile

import pytest
from django.conf import settings
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

hypothesis_settings.register_profile("ci", derandomize=True, max_examples=60, deadline=None)
hypothesis_settings.register_profile("dev", max_examples=100, deadline=None)
hypothesis_settings.load_profile("ci" if IN_CI else "dev")


def pytest_configure(config):
    # Templates call {% static %}; the manifest only exists after collectstatic,
    # which production runs and tests need not.
    # WhiteNoise serves them from the app folders instead (as in `make run`).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    # One process: local memory, so query counts do not include cache queries.
    # (Deployments share Redis or the database cache: shop/settings.py.)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Hashing passwords at full strength costs a third of a second each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Uploaded and generated images go to a throw-away folder, never var/media.
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="kepos-test-media-")


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"CI runs every selected test, but: {reason}", pytrace=False)
    pytest.skip(reason)


def pytest_runtest_setup(item):
    if item.get_closest_marker("browser") and not chromium_path():
        _unavailable("Chromium not found: apt-get install chromium, or set CHROMIUM_PATH")
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            _unavailable("needs PostgreSQL: run with DATABASE_URL=postgres://...")


_SKIPPED: list[str] = []


def pytest_runtest_logreport(report):
    if IN_CI and report.skipped:
        _SKIPPED.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and _SKIPPED:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter:
            reporter.write_line(f"CI: {len(_SKIPPED)} selected test(s) skipped; failing the run:")
            for nodeid in _SKIPPED:
                reporter.write_line(f"  {nodeid}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache, so query counts do not depend on order."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def assert_request_queries(django_assert_num_queries):
    """django_assert_num_queries for one request through the test client.

    On PostgreSQL ATOMIC_REQUESTS wraps the view in a transaction, which
    inside the test's own transaction is a SAVEPOINT and its RELEASE: two
    more statements that production spends as BEGIN and COMMIT.
    """
    from django.db import connection

    def check(expected: int):
        extra = 2 if connection.settings_dict["ATOMIC_REQUESTS"] else 0
        return django_assert_num_queries(expected + extra)

    return check


@pytest.fixture(autouse=True)
def _rows_from_data_migrations(request):
    """Put back what data migrations seed (Site, the UK, header promises, chat hours) for
    transactional tests (threads, the live server): each of them ends by
    emptying every table, which would leave the next one without those rows."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from django.apps import apps

    for migration in (
        "0002_site_countries_promises",
        "0004_delivery_promise_quotes_the_rule",
        "0005_chat_promise_quotes_the_hours",
    ):
        module = import_module(f"shop.storefront.migrations.{migration}")
        (getattr(module, "seed", None) or module.forwards)(apps, None)
    import_module(
        "shop.chat.migrations.0002_staffed_eight_to_eight_every_day"
    ).staff_eight_to_eight(apps, None)
