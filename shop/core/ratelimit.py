"""Fixed-window rate limits kept in the shared cache (Redis or the database cache), so
they hold across app servers. While Redis is unavailable (its circuit breaker is
open, see shop.core.cache) they are counted in the database instead: a limit
never vanishes with the cache."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from shop.core.models import RateLimitCounter


def client_address(request) -> str | None:
    """``client_ip`` for an address column (PostgreSQL's inet): None when the request
    has no real address (Django's test client signing in, a management command)."""
    address = client_ip(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def client_ip(request) -> str:
    """The visitor's address, as the outermost of our own proxies saw it.

    Directly exposed (SHOP_TRUSTED_PROXY_COUNT=0): REMOTE_ADDR. Behind N
    proxies we run (a TLS load balancer is 1), each appends the address it saw
    to X-Forwarded-For, so the client is the Nth entry from the right; entries
    further left are whatever the client claimed and are never trusted. Without
    that count every visitor would share the load balancer's address, and one
    bucket.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    proxies = settings.SHOP_TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote  # not through the expected proxies (e.g. a health check)
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def session_key(request) -> str:
    """The visitor's session key, saving a new session first: an unsaved session has
    no key, and counting every new visitor under "None" would make them share a limit."""
    if not request.session.session_key:
        request.session.save()
    return request.session.session_key


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key``; False once ``limit`` attempts fall in the window."""
    if _cache_available():
        allowed = _count_in_cache(key, limit=limit, window_seconds=window_seconds)
        if _cache_available():  # the calls above did not find the cache dead
            return allowed
    return _count_in_database(key, limit=limit, window_seconds=window_seconds)


def _cache_available() -> bool:
    return getattr(cache, "is_available", lambda: True)()


def _count_in_cache(key: str, *, limit: int, window_seconds: int) -> bool:
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this is the window's first hit
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return count is None or count <= limit


def _count_in_database(key: str, *, limit: int, window_seconds: int) -> bool:
    now = timezone.now()
    start = now - timedelta(seconds=now.timestamp() % window_seconds)
    key = key[:200]
    with transaction.atomic():
        counter, created = RateLimitCounter.objects.get_or_create(
            key=key, window_start=start, defaults={"count": 1}
        )
        if created:  # a new window: forget windows that ended a day ago or more
            RateLimitCounter.objects.filter(window_start__lt=now - timedelta(days=1)).delete()
            return True
        RateLimitCounter.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        counter.refresh_from_db(fields=["count"])
    return counter.count <= limit
