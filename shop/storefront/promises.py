"""The promise strip as shown: each promise's text, filled from the live rules.

A delivery promise quotes the headline delivery method; without one (or
without a free-delivery threshold) the store promises nothing about delivery.
A live-chat promise quotes the chat's opening hours; with none, it is left out.
"""

from dataclasses import dataclass

from shop.chat.hours import hours_text, weekly_hours
from shop.core.formats import money
from shop.shipping.quotes import tariff
from shop.shipping.rules import headline_method
from shop.storefront.models import StorePromise


@dataclass(frozen=True)
class ShownPromise:
    kind: str
    text: str
    link: str


def shown_promises(request=None) -> list[ShownPromise]:
    shown = []
    for promise in StorePromise.objects.shown():
        values: dict[str, str] = {}
        if promise.kind == StorePromise.Kind.DELIVERY:
            method = headline_method(request)
            if method is None:
                continue
            values = {"method": method.name, "threshold": money(tariff(method).free_from)}
        elif promise.kind == StorePromise.Kind.CHAT:
            hours = weekly_hours(request)
            if not hours:
                continue
            values = {"hours": hours_text(hours)}
        text = promise.render(values)
        if text is not None:  # a value it quotes is missing: better unsaid than wrong
            shown.append(ShownPromise(promise.kind, text, promise.link))
    return shown
