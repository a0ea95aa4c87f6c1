"""How a basket or order line says it is a subscription: Oscar product options.

``deliver-every`` holds the frequency in weeks; a renewal's line also holds
``subscription-saving``, the saving agreed at sign-up (a checkout line takes
the offer's current saving). Oscar keeps options on basket lines and copies
them to order lines, and lines with different options stay apart, so a
basket can hold the same size one-off and on subscription.
"""

from django.db import models
from oscar.core.loading import get_model

Option = get_model("catalogue", "Option")

DELIVER_EVERY = "deliver-every"
SAVING = "subscription-saving"


NAMES = {DELIVER_EVERY: "Deliver every (weeks)", SAVING: "Subscription saving (%)"}


def option(code: str):
    """The option row (made by migration 0003; made again if someone deleted it in the
    admin, where Marketing edits product options)."""
    found, _ = Option.objects.get_or_create(
        code=code, defaults={"name": NAMES[code], "required": False}
    )
    return found


def line_options(weeks: int, saving_percent: int | None = None) -> list[dict]:
    """The ``options`` argument of ``Basket.add_product`` for a subscription line."""
    options = [{"option": option(DELIVER_EVERY), "value": str(weeks)}]
    if saving_percent is not None:
        options.append({"option": option(SAVING), "value": str(saving_percent)})
    return options


def _values(line) -> dict[str, str]:
    """A line's options by code (an order line's attribute names its code in ``type``);
    ``attributes.all()`` uses the caller's prefetch (Basket.all_lines)."""
    return {getattr(a, "type", "") or a.option.code: a.value for a in line.attributes.all()}


def values_of(options) -> tuple[int | None, int | None]:
    """(weeks, saving) from ``add_product``'s ``options`` list."""
    found = {o["option"].code: o["value"] for o in options or ()}
    return _whole(found.get(DELIVER_EVERY)), _whole(found.get(SAVING))


def _whole(raw) -> int | None:
    raw = str(raw or "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 4 else None


def weeks_of(line) -> int | None:
    """A basket or order line's frequency in weeks; None for a one-off line."""
    return _whole(_values(line).get(DELIVER_EVERY))


def saving_of(line) -> int | None:
    """The saving a renewal line carries (None on lines from the shop)."""
    return _whole(_values(line).get(SAVING))


def subscription_lines(lines) -> list:
    return [line for line in lines if weeks_of(line)]


def line_attribute_filter() -> models.Q:
    """Order lines that are subscriptions (for queries)."""
    return models.Q(attributes__option__code=DELIVER_EVERY)
