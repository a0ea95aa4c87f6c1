"""Fixed-window rate limits kept in the shared cache (Redis in production), so
they hold across app servers. If the cache is unavailable, requests pass."""

from django.core.cache import cache


def client_ip(request) -> str:
    """The client address (REMOTE_ADDR; the TLS proxy must set it, e.g. via gunicorn's
    --forwarded-allow-ips, rather than us trusting X-Forwarded-For blindly)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def allow(key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt for ``key``; False once ``limit`` attempts fall in the window."""
    cache_key = f"ratelimit:{key}"
    if cache.add(cache_key, 1, timeout=window_seconds):
        return True
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr: this is the window's first hit
        cache.add(cache_key, 1, timeout=window_seconds)
        return True
    return count is None or count <= limit
