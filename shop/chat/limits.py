"""How often a visitor may start a chat, send a message and ask for a transcript.

Counted per session and per address in the shared cache (the database while
Redis is down: shop.core.ratelimit).
"""

from shop.core.ratelimit import allow, client_ip, session_key

LIMITS = {
    "start": [("session", 3, 3600), ("ip", 10, 3600)],
    "send": [("session", 8, 60), ("ip", 30, 60)],
    "transcript": [("session", 3, 3600)],
}
SLOW_DOWN = {
    "start": "You have started several conversations in the last hour. Please carry on in "
    "the one you have, or try again later.",
    "send": "You're sending messages faster than we can read them. Please wait a minute, "
    "then send it again; your message is still in the box.",
    "transcript": "We've already e-mailed this conversation a few times; please check your inbox.",
}


def rate_limited(request, action: str) -> bool:
    """True when this session or address has used up ``action``'s allowance."""
    keys = {"session": session_key(request), "ip": client_ip(request)}
    return not all(
        allow(f"chat-{action}:{scope}:{keys[scope]}", limit=limit, window_seconds=window)
        for scope, limit, window in LIMITS[action]
    )
