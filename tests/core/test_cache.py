"""The Redis cache is an optimisation: the store keeps selling when Redis is down."""

import socket

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from shop.core.cache import ResilientRedisCache

DOWN = "redis://127.0.0.1:1/0"  # nothing listens on port 1
LIVE = "redis://127.0.0.1:6379/15"


def redis_cache(location: str) -> ResilientRedisCache:
    return ResilientRedisCache(
        location, {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.2).close()
    except OSError:
        return False
    return True


def test_an_unreachable_redis_reads_as_misses_and_writes_as_failures():
    cache = redis_cache(DOWN)

    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set("key", "value") is False
    assert cache.add("key", "value") is False
    assert cache.get_or_set("key", "computed") == "computed"
    assert cache.delete("key") is False


@pytest.mark.skipif(not redis_is_running(), reason="no Redis at 127.0.0.1:6379")
def test_a_running_redis_caches():
    cache = redis_cache(LIVE)
    cache.set("kepos-test-key", {"a": 1}, timeout=5)

    assert cache.get("kepos-test-key") == {"a": 1}
    cache.delete("kepos-test-key")


@pytest.mark.django_db
def test_pages_and_sessions_work_with_redis_down(client):
    down = {
        "default": {
            "BACKEND": "shop.core.cache.ResilientRedisCache",
            "LOCATION": DOWN,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    with override_settings(CACHES=down):
        assert isinstance(caches["default"], ResilientRedisCache)
        home = client.get(reverse("home"))
        basket = client.get(reverse("basket:summary"))

    assert home.status_code == 200
    assert basket.status_code == 200


@pytest.mark.django_db
def test_migrate_creates_the_shared_database_cache_table(settings):
    from django.core.management import call_command
    from django.db import connection

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "shop_cache_probe",
        }
    }

    call_command("migrate", verbosity=0)  # nothing to apply; post_migrate still runs

    assert "shop_cache_probe" in connection.introspection.table_names()
