"""FAQ answers as shown: placeholders filled from the live delivery rules.

An answer may say "FREE delivery on orders of {threshold} or more": the
threshold, method, charge and cut-off come from the delivery method staff
edit, so no copy of a rule goes stale. An answer whose placeholder cannot be
filled (no headline delivery offer) is not shown, like the promise strip.
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString

from shop.core import placeholders
from shop.core.formats import clock, money
from shop.core.memo import per_request
from shop.shipping import rules
from shop.shipping.quotes import tariff

PLACEHOLDERS = {
    "threshold": "the headline delivery method's free-delivery threshold, e.g. £25",
    "method": "the headline delivery method's name, e.g. Next Day",
    "charge": "the headline delivery method's charge below the threshold, e.g. £3.99 "
    "(or £3.99 + £0.50 per item)",
    "cutoff": "the earliest same-day dispatch cut-off, e.g. 2pm",
}


def live_values(request=None) -> dict[str, str]:
    """The values placeholders stand for now; a missing rule leaves its names out."""

    def compute() -> dict[str, str]:
        values: dict[str, str] = {}
        methods = rules.offered_methods(request)
        if methods:
            values["cutoff"] = clock(min(method.cutoff_time for method in methods))
        headline = rules.headline_method(request)
        if headline is not None:
            values["method"] = headline.name
            rule = tariff(headline)
            values["threshold"] = money(rule.free_from)
            values["charge"] = rule.price_words
        return values

    return per_request(request, "faq-live-values", compute)


def render_answer(answer: str, values: dict[str, str]) -> SafeString | None:
    """The sanitised ``answer`` with its placeholders filled (escaped), or None if one cannot be."""
    return placeholders.fill_html(answer, values)


@dataclass(frozen=True)
class ShownEntry:
    entry: object
    answer: SafeString

    @property
    def question(self) -> str:
        return self.entry.question

    @property
    def slug(self) -> str:
        return self.entry.slug


def shown_entries(entries, request=None) -> list[ShownEntry]:
    """The visible ``entries`` whose answers can be filled in, with their answers."""
    values = live_values(request)
    shown = []
    for entry in entries:
        if not entry.is_visible:
            continue
        answer = render_answer(entry.answer, values)
        if answer is not None:
            shown.append(ShownEntry(entry, answer))
    return shown
