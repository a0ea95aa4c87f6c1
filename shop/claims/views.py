"""The live check editors see as they type: staff post the text, the flags come back."""

import json

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from shop.claims.checker import check

MAX_PARTS = 300
MAX_CHARACTERS = 500_000


@require_POST
def live_check(request):
    """JSON {"parts": [[name, html], ...]} in; {"flags": [...]} out. Staff only (served
    through the admin site, which also asks for the second factor)."""
    try:
        parts = json.loads(request.body or b"{}")["parts"]
        parts = [(str(name)[:200], str(text)) for name, text in parts]
    except (ValueError, KeyError, TypeError):
        return JsonResponse(
            {"error": 'Send the text as {"parts": [[name, text], ...]}.'}, status=400
        )
    if len(parts) > MAX_PARTS or sum(len(text) for _, text in parts) > MAX_CHARACTERS:
        return JsonResponse({"error": "Too much text to check at once."}, status=400)
    return JsonResponse({"flags": [as_json(flag) for flag in check(parts)]})


def as_json(flag) -> dict:
    return {
        "kind": flag.kind,
        "found": flag.found,
        "where": flag.where,
        "excerpt": flag.excerpt,
        "message": flag.message,
        "needs_sign_off": flag.needs_sign_off,
    }
