"""Request-level middleware: refusing unusable input, and transactions for databases
without ATOMIC_REQUESTS."""

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.shortcuts import render

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
        with transaction.atomic(using=alias):
            return view_func(request, *view_args, **view_kwargs)


class RejectNulMiddleware:
    """Answer 400, with a page that says why, to any request carrying a NUL character.

    No browser sends one and nothing here needs one; PostgreSQL refuses to
    store or even compare text containing it, so an order number, search or
    form value with ``%00`` would otherwise end in a 500 wherever it reaches a
    query. Checks the path, the query string and form fields (not file data).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._carries_nul(request):
            return render(request, "400.html", {"reason": NUL_REASON}, status=400)
        return self.get_response(request)

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
FORM_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}
