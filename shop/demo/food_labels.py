"""The demo food labels (shop.labelling), by product code: typical nutrition values of the
foods and drinks, and the supplements' ingredient tables per daily dose.

The nutrition values are plausible estimates for goat's-milk kefir, water kefir and
kefir grains, and the supplement amounts are invented for the demo: both load
unconfirmed, so the dashboard asks the owner to check them.
"""

from decimal import Decimal as D


def nutrition(basis, kj, kcal, fat, saturates, carbohydrate, sugars, protein, salt) -> dict:
    names = ("energy_kj", "energy_kcal", "fat", "saturates", "carbohydrate", "sugars")
    values = (kj, kcal, fat, saturates, carbohydrate, sugars, protein, salt)
    return {"basis": basis} | {
        name: D(value) for name, value in zip((*names, "protein", "salt"), values, strict=True)
    }


def water_kefir(kj, kcal, carbohydrate, sugars) -> dict:
    return nutrition("100ml", kj, kcal, "0", "0", carbohydrate, sugars, "0.1", "0.01")


GOAT_KEFIR = nutrition("100ml", "276", "66", "3.8", "2.5", "4.2", "4.2", "3.4", "0.12")

NUTRITION = {
    "goat-kefir": GOAT_KEFIR,
    "kefir-course": GOAT_KEFIR,
    "water-kefir-ginger": water_kefir("88", "21", "5.0", "4.8"),
    "water-kefir-elderflower": water_kefir("80", "19", "4.6", "4.4"),
    "water-kefir-case": water_kefir("84", "20", "4.8", "4.6"),
    "milk-kefir-grains": nutrition("100g", "356", "85", "1.2", "0.8", "12", "2.1", "6", "0.10"),
    "water-kefir-grains": nutrition("100g", "250", "59", "0.1", "0", "14", "6", "0.6", "0.02"),
}

KEPOS = {
    "name_of_food": "Food supplement with human milk oligosaccharides and lactoferrin",
    "dose_units": 2,
    "unit_name": "capsule",
    "ingredients": [
        ("kpHMO™ human milk oligosaccharide blend", D("1000"), "mg"),
        ("effera™ recombinant human lactoferrin", D("200"), "mg"),
    ],
}

SUPPLEMENTS = {
    "kepos": KEPOS,
    "kepos-trial": KEPOS,
    "prebiotic-powder": {
        "name_of_food": "Food supplement: prebiotic fibre blend with freeze-dried kefir",
        "dose_units": 1,
        "unit_name": "scoop",
        "ingredients": [
            ("Chicory root inulin", D("3.5"), "g"),
            ("Acacia gum", D("1"), "g"),
            ("Freeze-dried goat's milk kefir powder", D("0.5"), "g"),
        ],
    },
}
