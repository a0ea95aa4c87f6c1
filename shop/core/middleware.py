"""Request-level middleware: refusing unusable input, and transactions for databases
without ATOMIC_REQUESTS."""

import logging

from django.db import DEFAULT_DB_ALIAS, DataError, connections, transaction
from django.shortcuts import render

logger = logging.getLogger(__name__)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    """Run each unsafe request's view in one transaction; leave reads alone.

    On PostgreSQL ``ATOMIC_REQUESTS`` already wraps every view, so this does
    nothing there. On SQLite every transaction takes the single write lock at
    BEGIN (``transaction_mode=IMMEDIATE``), so wrapping GETs would make readers
    queue behind each other; wrapping only POST/PUT/PATCH/DELETE keeps writes
    all-or-nothing without that cost. Views marked ``@non_atomic_requests``
    are respected. Must be the last middleware so only the view is wrapped.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        alias = DEFAULT_DB_ALIAS
        if connections[alias].settings_dict.get("ATOMIC_REQUESTS"):
            return None
        if alias in getattr(view_func, "_non_atomic_requests", set()):
            return None
        try:
            with transaction.atomic(using=alias):
                return view_func(request, *view_args, **view_kwargs)
        except Exception as error:
            # Raised from process_view, the error would skip the process_exception
            # hooks; BadInputMiddleware's answer is given here, after the rollback.
            response = bad_input_response(request, error)
            if response is None:
                raise
            return response


class BadInputMiddleware:
    """Answer 400, with a page that says why, to input no form can hold.

    * A NUL character anywhere (path, query string, form fields; not file
      data): no browser sends one, and PostgreSQL refuses to store or even
      compare text containing it, so it would end in a 500 wherever it met a
      query.
    * A number too large for the database (OverflowError on SQLite, an
      out-of-range DataError on PostgreSQL), which only a tampered request can
      send, e.g. as the id of a choice: the view's transaction is rolled back
      before this answers, so nothing is half-saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._carries_nul(request):
            return render(request, "400.html", {"reason": NUL_REASON}, status=400)
        return self.get_response(request)

    def process_exception(self, request, exception):
        return bad_input_response(request, exception)

    @staticmethod
    def _carries_nul(request) -> bool:
        if "\x00" in request.path:
            return True
        fields = [request.GET]
        if request.method == "POST" and request.content_type in FORM_TYPES:
            fields.append(request.POST)
        return any(
            "\x00" in key or any("\x00" in value for value in values)
            for query in fields
            for key, values in query.lists()
        )


NUL_REASON = "The address or form contained a character that cannot be used (a NUL byte)."
NUMBER_REASON = "The form contained a number far too large to be a real choice or amount."
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


def bad_input_response(request, error: Exception):
    """The 400 page for a number too large for the database; None for any other error."""
    if isinstance(error, OverflowError) or (
        isinstance(error, DataError) and "out of range" in str(error)
    ):
        logger.warning("Refused %s %s: %s", request.method, request.path, error)
        return render(request, "400.html", {"reason": NUMBER_REASON}, status=400)
    return None
