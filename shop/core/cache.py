"""A Redis cache that degrades to "no cache" instead of failing or stalling requests.

A dead Redis fails fast, but a hung one makes every call wait for its socket
timeout, many times per page. So the first failure opens a circuit breaker:
for ``SHOP_CACHE_RETRY_SECONDS`` this process makes no Redis call at all (reads
miss, writes report failure), then one call tries again.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class CircuitBreaker:
    """Per process and per Redis location: threads of one worker share what they learn."""

    _open_until: dict[str, float] = {}
    _lock = threading.Lock()

    def __init__(self, location: str):
        self.location = location

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until.get(self.location, 0.0)

    def trip(self, error: Exception) -> None:
        with self._lock:
            if not self.is_open():
                logger.warning(
                    "Redis at %s failed (%s); no cache calls for %s s",
                    self.location,
                    error,
                    settings.SHOP_CACHE_RETRY_SECONDS,
                )
            self._open_until[self.location] = time.monotonic() + settings.SHOP_CACHE_RETRY_SECONDS

    def reset(self) -> None:
        self._open_until.pop(self.location, None)


def _tolerant(method_name: str, fallback):
    def method(self, *args, **kwargs):
        if self.breaker.is_open():
            return fallback(*args, **kwargs) if callable(fallback) else fallback
        try:
            return getattr(super(ResilientRedisCache, self), method_name)(*args, **kwargs)
        except RedisError as error:
            self.breaker.trip(error)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = method_name
    return method


def _default_argument(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose failures are logged and treated as misses.

    A cache is an optimisation: when Redis is down the store must keep
    selling, uncached (sessions fall back to the database through the
    ``cached_db`` engine; rate limits count in the database, see
    ``shop.core.ratelimit``). Reads return the caller's default, writes report
    failure, deletes report nothing deleted.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self.breaker = CircuitBreaker(str(server))

    def is_available(self) -> bool:
        """False while the breaker is open: callers that must not lose counts go elsewhere."""
        return not self.breaker.is_open()

    get = _tolerant("get", _default_argument)
    get_many = _tolerant("get_many", {})
    set = _tolerant("set", False)
    add = _tolerant("add", False)
    set_many = _tolerant("set_many", lambda data, *a, **k: list(data))
    touch = _tolerant("touch", False)
    delete = _tolerant("delete", False)
    delete_many = _tolerant("delete_many", None)
    has_key = _tolerant("has_key", False)
    clear = _tolerant("clear", False)
    incr = _tolerant("incr", None)
    decr = _tolerant("decr", None)
