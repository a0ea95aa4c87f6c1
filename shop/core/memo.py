"""Compute a value once per request (several template tags and Oscar's checkout
ask for the same delivery rules within one page)."""

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def per_request(request, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, remembered on ``request`` under ``key``; uncached without a request."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_shop_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]
