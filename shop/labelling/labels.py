"""The food label a product page shows, read once per page: a size shows its parent's."""

from dataclasses import dataclass
from decimal import Decimal

from shop.labelling import rounding
from shop.labelling.models import NutritionDeclaration, SupplementFacts, SupplementIngredient


@dataclass(frozen=True)
class NutritionRow:
    name: str
    value: str
    indent: bool = False


def labelled_product(product):
    """The product whose label applies: a size's parent."""
    return product.parent if product.is_child else product


def nutrition_rows(declaration: NutritionDeclaration) -> list[NutritionRow]:
    kj, kcal = rounding.energy(declaration.energy_kj), rounding.energy(declaration.energy_kcal)
    return [
        NutritionRow("Energy", f"{kj} kJ / {kcal} kcal"),
        NutritionRow("Fat", rounding.macronutrient(declaration.fat)),
        NutritionRow("of which saturates", rounding.saturates(declaration.saturates), True),
        NutritionRow("Carbohydrate", rounding.macronutrient(declaration.carbohydrate)),
        NutritionRow("of which sugars", rounding.macronutrient(declaration.sugars), True),
        NutritionRow("Protein", rounding.macronutrient(declaration.protein)),
        NutritionRow("Salt", rounding.salt(declaration.salt)),
    ]


def nutrition_for(product) -> dict | None:
    declaration = NutritionDeclaration.objects.filter(product=labelled_product(product)).first()
    if declaration is None:
        return None
    return {"declaration": declaration, "rows": nutrition_rows(declaration)}


@dataclass(frozen=True)
class IngredientRow:
    name: str
    per_dose: str
    per_unit: str
    nrv: str


def per_unit(amount: Decimal, units: int) -> Decimal:
    """The amount in one capsule (or scoop), to at most three decimal places."""
    return (amount / units).quantize(Decimal("0.001")).normalize()


def _amount(value: Decimal, unit: str) -> str:
    return f"{value.normalize():,f} {unit}"


def supplement_label_for(product) -> dict | None:
    """The label (memoised on the product: the page shows its name twice)."""
    if not hasattr(product, "_supplement_label"):
        product._supplement_label = _supplement_label(product)
    return product._supplement_label


def _supplement_label(product) -> dict | None:
    owner = labelled_product(product)
    if owner.get_product_class().food_kind != "supplement":
        return None
    facts = SupplementFacts.objects.filter(product=owner).first()
    if facts is None:
        return None
    rows = [
        IngredientRow(
            name=item.name,
            per_dose=_amount(item.amount, item.unit),
            per_unit=_amount(per_unit(item.amount, facts.dose_units), item.unit),
            nrv=f"{item.nrv_percent.normalize():f}%" if item.nrv_percent is not None else "†",
        )
        for item in SupplementIngredient.objects.filter(product=owner)
    ]
    return {"facts": facts, "rows": rows, "any_nrv": any(r.nrv != "†" for r in rows)}
