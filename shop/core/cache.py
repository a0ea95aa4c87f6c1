"""A Redis cache that degrades to "no cache" instead of failing requests."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _tolerant(method_name: str, fallback):
    def method(self, *args, **kwargs):
        try:
            return getattr(super(ResilientRedisCache, self), method_name)(*args, **kwargs)
        except RedisError as exc:
            logger.warning("Redis unavailable during cache.%s: %s", method_name, exc)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

    method.__name__ = method_name
    return method


def _default_argument(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    """Django's RedisCache whose failures are logged and treated as misses.

    A cache is an optimisation: when Redis is down the store must keep
    selling, uncached (sessions fall back to the database through the
    ``cached_db`` engine). Reads return the caller's default, writes report
    failure, deletes report nothing deleted.
    """

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
