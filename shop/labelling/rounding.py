"""How a nutrition declaration shows its values.

The rounding follows the guidance UK enforcement uses for nutrition labels
(European Commission guidance on tolerances and rounding, December 2012, kept
by the Food Standards Agency): energy to the whole kJ and kcal; fat,
carbohydrate, sugars and protein to the gram from 10 g, to 0.1 g below, and
"<0.5 g" at 0.5 g or less; saturates likewise with "<0.1 g"; salt to 0.1 g from
1 g, to 0.01 g below, and "<0.01 g" at 0.0125 g or less.
"""

from decimal import ROUND_HALF_UP, Decimal

ONE, TENTH, HUNDREDTH = Decimal("1"), Decimal("0.1"), Decimal("0.01")


def _grams(value: Decimal, places: Decimal) -> str:
    return f"{value.quantize(places, ROUND_HALF_UP)} g"


def energy(value: Decimal) -> str:
    return str(Decimal(value).quantize(ONE, ROUND_HALF_UP))


def macronutrient(value: Decimal) -> str:
    """Fat, carbohydrate, sugars, protein (and fibre)."""
    if value >= 10:
        return _grams(value, ONE)
    if value > Decimal("0.5"):
        return _grams(value, TENTH)
    return "<0.5 g"


def saturates(value: Decimal) -> str:
    if value >= 10:
        return _grams(value, ONE)
    if value > TENTH:
        return _grams(value, TENTH)
    return "<0.1 g"


def salt(value: Decimal) -> str:
    if value >= 1:
        return _grams(value, TENTH)
    if value > Decimal("0.0125"):
        return _grams(value, HUNDREDTH)
    return "<0.01 g"
