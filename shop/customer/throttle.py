"""Sign-in throttling for every sign-in form (shop, dashboard, admin), through django-axes.

Failed sign-ins are rows in the database (axes' ``AccessAttempt``), so every
app server counts the same failures. Three rules, from narrowest to widest:

* one account from one address: locked after ``ACCOUNT_AND_ADDRESS`` failures;
* one address, whatever accounts it tries: locked after ``ADDRESS`` failures
  (password spraying);
* one account from anywhere: never locked, so nobody can lock a customer out,
  only slowed: after ``ACCOUNT_SLOW_AFTER`` failures each further attempt
  waits ``ACCOUNT_SLOW_SECONDS`` after the last failure.

Locks lift after ``AXES_COOLOFF_TIME``; a successful sign-in clears the
account's failures; staff clear a lock by deleting its access attempt in the
admin (Axes > Access attempts) or with ``manage.py axes_reset_username``. The
message never says whether the account exists.
"""

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

ACCOUNT_AND_ADDRESS = 5
ADDRESS = 20
ACCOUNT_SLOW_AFTER = 10
ACCOUNT_SLOW_SECONDS = 60

# axes compares one number with AXES_FAILURE_LIMIT; failures are reported as that
# share of the nearest rule's limit, so each rule keeps its own limit.
LIMITS = (ACCOUNT_AND_ADDRESS, ADDRESS)  # in the order of settings.AXES_LOCKOUT_PARAMETERS


def username(request, credentials) -> str | None:
    """Sign-in names are e-mail addresses: one account, however it is typed."""
    name = (credentials or {}).get("username")
    if name is None and request is not None:
        name = request.POST.get("username") or request.POST.get("login-username")
    # Longer names are no account's (the column holds 255): cut, not a database error.
    return name.strip().lower()[:255] if isinstance(name, str) else None


class SignInHandler(AxesDatabaseHandler):
    """axes' database handler with a limit per rule and the per-account slow-down."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        scale = settings.AXES_FAILURE_LIMIT
        return max(
            (count * scale // limit for count, limit in zip(counts, LIMITS, strict=False)),
            default=0,
        )

    def is_allowed(self, request, credentials=None) -> bool:
        if not super().is_allowed(request, credentials):
            return False
        return not account_is_slowed(get_client_username(request, credentials))


class SignInThrottleBackend(AxesStandaloneBackend):
    """axes' backend, first in AUTHENTICATION_BACKENDS.

    Every sign-in form passes the request (the shop's, the checkout's, the
    dashboard's and the admin's; each is tested). Only code that has just set the
    password authenticates without one (Oscar signs a new customer in after
    registering): there is nothing to throttle, so it is let through.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def account_is_slowed(name: str | None) -> bool:
    if not name:
        return False
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    recent = AccessAttempt.objects.filter(username=name, attempt_time__gte=since).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    if (recent["failures"] or 0) < ACCOUNT_SLOW_AFTER:
        return False
    return timezone.now() - recent["last"] < timedelta(seconds=ACCOUNT_SLOW_SECONDS)


def locked_out(request, original_response=None, credentials=None):
    """The answer to a refused sign-in: the same words for every account, existing or not."""
    return render(
        request,
        "shop/customer/locked_out.html",
        {"cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)},
        status=429,
    )
