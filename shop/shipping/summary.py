"""Plain-English answers about delivery, generated from the live rules.

The delivery page shows them and FAQ entries can quote them, so no copy of
a threshold or cut-off goes stale when staff change a rule.
"""

from dataclasses import dataclass

from shop.core.formats import clock, money
from shop.shipping.quotes import tariff


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    answer: str


def days(low: int, high: int) -> str:
    if low == high:
        return "the next working day" if low == 1 else f"{low} working days"
    return f"{low} to {high} working days"


def charge_sentence(method) -> str:
    rule = tariff(method)
    sentence = f"{method.name} delivery costs {rule.price_words}"
    if rule.free_from is not None:
        sentence += f", FREE on orders of {money(rule.free_from)} or more"
    return (
        sentence
        + f", and arrives {days(method.transit_days_min, method.transit_days_max)} after dispatch."
    )


def zone_sentence(method) -> str:
    served, extra = [], []
    for zone, surcharge in tariff(method).surcharges.items():
        served.append(zone.label)
        if surcharge:
            extra.append(f"{money(surcharge)} extra to the {zone.label}")
    text = f"{method.name} delivers to the " + " and the ".join(served) if served else ""
    return (text + (f" ({'; '.join(extra)})" if extra else "") + ".") if text else ""


def delivery_answers(methods, headline=None) -> list[Answer]:
    """Questions shoppers ask, answered from ``methods`` (the offered ones)."""
    if not methods:
        return []
    answers = [
        Answer("cost", "How much is delivery?", " ".join(charge_sentence(m) for m in methods)),
    ]
    if headline is not None:
        answers.append(
            Answer(
                "free",
                "How do I get free delivery?",
                f"Spend {money(tariff(headline).free_from)} or more (after any discounts, "
                f"not counting delivery) and {headline.name} delivery is FREE.",
            )
        )
    cutoffs = sorted({m.cutoff_time for m in methods})
    answers.append(
        Answer(
            "cutoff",
            "When will my order be dispatched?",
            f"Orders placed before {clock(cutoffs[0])} UK time on a working day leave the same "
            "day; later orders leave the next working day. We don't dispatch at weekends, "
            "on bank holidays in England and Wales, or on the closure days on our delivery page.",
        )
    )
    answers.append(
        Answer(
            "weekends",
            "Do you deliver at weekends?",
            "No. Parcels travel and arrive on working days. Live kefir and grains wait for a "
            "dispatch day that lets them arrive without a weekend or bank holiday in transit.",
        )
    )
    answers.append(
        Answer(
            "where",
            "Where do you deliver?",
            " ".join(filter(None, (zone_sentence(m) for m in methods)))
            + " We can't deliver to the Channel Islands, the Isle of Man, BFPO addresses or "
            "outside the UK.",
        )
    )
    return answers
