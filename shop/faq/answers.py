"""FAQ answers as shown: placeholders filled from the live delivery and
subscription rules.

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
from shop.subscriptions import schedule
from shop.subscriptions.models import SubscriptionOffer

PLACEHOLDERS = {
    "threshold": "the headline delivery method's free-delivery threshold, e.g. £25",
    "method": "the headline delivery method's name, e.g. Next Day",
    "charge": "the headline delivery method's charge below the threshold, e.g. £3.99 "
    "(or £3.99 + £0.50 per item)",
    "cutoff": "the earliest same-day dispatch cut-off, e.g. 2pm",
    "sub_saving": "the largest subscribe & save saving offered, e.g. 10%",
    "sub_weeks": "the delivery frequencies subscriptions offer, e.g. 1, 2, 4 or 8 weeks",
    "reminder_days": "how long before each renewal the reminder e-mail goes, e.g. 3 days",
    "retry_days": "when a failed renewal payment is tried again, e.g. 1, 3 and 5 days",
}


def _words(numbers: list[int], last: str) -> str:
    """[1, 3, 5] -> "1, 3 and 5" (``last`` "and" or "or")."""
    text = [str(n) for n in numbers]
    return f"{', '.join(text[:-1])} {last} {text[-1]}" if len(text) > 1 else "".join(text)


def subscription_values() -> dict[str, str]:
    values = {
        "reminder_days": f"{schedule.REMIND_DAYS_BEFORE} days",
        "retry_days": f"{_words(list(schedule.RETRY_AFTER_DAYS), 'and')} days",
    }
    offers = list(SubscriptionOffer.objects.active())
    if offers:
        values["sub_saving"] = f"{max(offer.saving_percent for offer in offers)}%"
        weeks = sorted({w for offer in offers for w in offer.frequencies})
        values["sub_weeks"] = f"{_words(weeks, 'or')} week{'s' if weeks != [1] else ''}"
    return values


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
        values.update(subscription_values())
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
