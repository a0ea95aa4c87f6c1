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
    from shop.core import pictures

    cache.clear()
    pictures.forget()
    yield
    cache.clear()


@pytest.fixture
def queries_do_not_grow():
    """Query-count tests: a page costs as many queries with many rows as with few.

    ``grow(n)`` adds rows until the page shows ``n`` (it is called with each
    size in turn); ``fetch()`` requests the page. The count at the largest size
    must equal the count at the smallest and stay under ``ceiling``: a
    generous bound, so a harmless extra query elsewhere (a middleware, a
    session lookup) does not fail every such test, while an N+1 always does.
    Each page is fetched once before counting, to warm per-process caches.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def check(fetch, grow, *, ceiling: int, sizes=(3, 30)):
        counts = []
        for size in sizes:
            grow(size)
            fetch()
            with CaptureQueriesContext(connection) as queries:
                response = fetch()
            assert response.status_code == 200, f"{response.status_code} at {size} rows"
            counts.append(len(queries))
        small, large = counts[0], counts[-1]
        detail = "\n".join(q["sql"][:200] for q in queries.captured_queries)
        assert small == large, (
            f"{small} queries at {sizes[0]} rows, {large} at {sizes[-1]}:\n{detail}"
        )
        # PostgreSQL's ATOMIC_REQUESTS adds a SAVEPOINT and its RELEASE inside a test.
        ceiling += 2 if connection.settings_dict["ATOMIC_REQUESTS"] else 0
        assert large <= ceiling, f"{large} queries, more than {ceiling}:\n{detail}"
        return large

    return check


@pytest.fixture(autouse=True)
def _rows_from_data_migrations(request):
    """Put back what data migrations seed (Site, the UK, header promises, chat hours, the
    trader, legal pages and cookie inventory) for
    transactional tests (threads, the live server): each of them ends by
    emptying every table, which would leave the next one without those rows."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("transaction")):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps

    from shop.chat import seed as chat_rows
    from shop.legal import seed as legal_rows
    from shop.storefront import seed as store_rows

    store_rows.site_and_country(apps)
    store_rows.promises(apps)
    chat_rows.opening_hours(apps)
    legal_rows.all_rows(apps)
