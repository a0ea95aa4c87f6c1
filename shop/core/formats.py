"""Amounts and times as shoppers read them in sentences ("£25", "£2.99", "2pm").

Below every app that writes such sentences (delivery answers, FAQ placeholders,
the promise strip, chat hours)."""

from decimal import Decimal


def money(amount: Decimal) -> str:
    """£25 for whole pounds, £2.99 otherwise."""
    if amount == amount.to_integral_value():
        return f"£{amount:,.0f}"
    return f"£{amount:,.2f}"


def clock(value) -> str:
    """14:00 -> "2pm", 13:30 -> "1:30pm"."""
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"
