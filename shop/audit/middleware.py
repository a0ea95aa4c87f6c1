"""Tells the recorder who is making the request's changes (shop.audit.recorder)."""

from shop.audit.recorder import acting


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting(request):
            return self.get_response(request)
