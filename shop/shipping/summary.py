"""Plain-English answers about delivery, generated from the live rules.

The delivery page shows them and FAQ entries can quote them, so no copy of
a threshold or cut-off goes stale when staff change a rule.
"""

from dataclasses import dataclass
from decimal import Decimal

from shop.shipping.postcodes import DeliveryZone


@dataclass(frozen=True)
class Answer:
    key: str
    question: str
    answer: str


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


def days(low: int, high: int) -> str:
    if low == high:
        return "the next working day" if low == 1 else f"{low} working days"
    return f"{low} to {high} working days"


def charge_sentence(method) -> str:
    sentence = f"{method.name} delivery costs {money(method.price_per_order)}"
    if method.free_shipping_threshold is not None:
        sentence += f", FREE on orders of {money(method.free_shipping_threshold)} or more"
    return (
        sentence
        + f", and arrives {days(method.transit_days_min, method.transit_days_max)} after dispatch."
    )


def zone_sentence(method) -> str:
    served, extra = [], []
    for zone in DeliveryZone:
        if method.serves(zone):
            served.append(zone.label)
            surcharge = method.surcharge_for(zone)
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
                f"Spend {money(headline.free_shipping_threshold)} or more (after any discounts, "
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
