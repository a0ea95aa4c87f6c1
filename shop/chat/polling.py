"""Polling for new messages, shared by the widget and the staff inbox.

Each poll names the last message it has (``after``) and how many polls in a
row found nothing (``idle``); the next one waits longer the quieter it gets.
"""

# Seconds before the next poll: quick while a conversation is lively.
POLL_DELAYS = [3, 3, 3, 3, 5, 5, 8, 8, 13, 20, 30]


def poll_delay(idle: int) -> int:
    return POLL_DELAYS[min(max(idle, 0), len(POLL_DELAYS) - 1)]


def counter(value) -> int:
    """A non-negative integer from a query parameter; anything else is 0."""
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def poll_context(request, conversation, **extra) -> dict:
    """The messages after the poll's ``after`` and where and when the next poll asks."""
    after = counter(request.GET.get("after"))
    idle = counter(request.GET.get("idle"))
    messages = list(conversation.messages.filter(pk__gt=after).select_related("author"))
    idle = 0 if messages else idle + 1
    return {
        "conversation": conversation,
        "chat_messages": messages,
        "last_id": messages[-1].pk if messages else after,
        "idle": idle,
        "delay": poll_delay(idle),
        **extra,
    }
