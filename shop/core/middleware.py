"""Request-level transaction handling for databases without ATOMIC_REQUESTS."""

from django.db import DEFAULT_DB_ALIAS, connections, transaction

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
