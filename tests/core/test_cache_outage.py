"""A dead or hung Redis costs one timeout, then nothing; rate limits hold without it.

Calls are counted at a fake Redis server that accepts connections and never
answers (a hung Redis), never timed.
"""

import socket
import threading

import pytest
from django.test import Client, override_settings

from shop.chat.models import Conversation
from shop.core.cache import CircuitBreaker
from tests.chat.test_visitor import online, start  # noqa: F401  (a fixture, a step)
from tests.core.test_cache import DOWN, redis_cache
from tests.order.test_access import guest_order, look_up  # noqa: F401  (a fixture, a step)
from tests.pages import text_of


class HungRedis:
    """Accepts connections, reads what it is sent, never replies."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.received = 0
        self.connections: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def location(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _serve(self):
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self._read, args=(connection,), daemon=True).start()

    def _read(self, connection):
        while True:
            try:
                data = connection.recv(4096)
            except OSError:
                return
            if not data:
                return
            self.received += 1

    def close(self):
        self.listener.close()
        for connection in self.connections:
            connection.close()


@pytest.fixture
def hung():
    server = HungRedis()
    yield server
    server.close()
    CircuitBreaker(server.location).reset()


@pytest.fixture(autouse=True)
def _closed_breakers():
    CircuitBreaker(DOWN).reset()
    yield
    CircuitBreaker(DOWN).reset()


def test_after_one_timeout_a_hung_redis_gets_no_more_calls(hung, settings):
    settings.SHOP_CACHE_RETRY_SECONDS = 30
    cache = redis_cache(hung.location)

    assert cache.get("basket", "miss") == "miss"  # waits for the timeout once
    asked = hung.received
    assert asked >= 1
    assert not cache.is_available()

    for n in range(50):
        assert cache.get(f"k{n}", "miss") == "miss"
        assert cache.set(f"k{n}", n) is False
        assert cache.add(f"k{n}", n) is False
        assert cache.incr(f"k{n}") is None

    assert hung.received == asked  # not one more command reached it


def test_the_breaker_lets_one_call_through_once_its_time_is_up(hung, settings):
    settings.SHOP_CACHE_RETRY_SECONDS = 0
    cache = redis_cache(hung.location)

    cache.get("basket")
    asked = hung.received
    cache.get("basket")

    assert hung.received > asked


def test_every_worker_thread_of_a_process_learns_from_the_first_failure(hung, settings):
    settings.SHOP_CACHE_RETRY_SECONDS = 30
    redis_cache(hung.location).get("basket")
    asked = hung.received

    another = redis_cache(hung.location)  # Django makes one instance per thread
    another.get("basket")

    assert hung.received == asked


DOWN_CACHE = {
    "default": {
        "BACKEND": "shop.core.cache.ResilientRedisCache",
        "LOCATION": DOWN,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
}


@pytest.mark.django_db
def test_order_lookups_stay_limited_with_redis_down(guest_order):  # noqa: F811 (fixture)
    with override_settings(CACHES=DOWN_CACHE):
        stranger = Client()
        for _ in range(10):
            look_up(stranger, "999999", "nobody@example.com")

        response = look_up(stranger, guest_order.number, "ada@example.com")

    assert "Too many attempts" in text_of(response)


@pytest.mark.django_db
def test_chat_starts_stay_limited_with_redis_down(online):  # noqa: F811 (fixture)
    with override_settings(CACHES=DOWN_CACHE):
        visitor = Client()
        answers = [start(visitor, message=f"Question {n}") for n in range(5)]

    assert "started several conversations" in text_of(answers[-1])
    assert Conversation.objects.count() == 3


@pytest.mark.django_db
def test_with_redis_back_limits_count_in_redis_again(settings):
    from shop.core import ratelimit
    from shop.core.models import RateLimitCounter

    with override_settings(CACHES=DOWN_CACHE):
        assert ratelimit.allow("probe", limit=1, window_seconds=60)
        assert not ratelimit.allow("probe", limit=1, window_seconds=60)
    assert RateLimitCounter.objects.get(key="probe").count == 2

    # The test cache (local memory) is available: nothing more is written to the table.
    assert ratelimit.allow("probe-2", limit=1, window_seconds=60)
    assert not RateLimitCounter.objects.filter(key="probe-2").exists()
