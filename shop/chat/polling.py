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
