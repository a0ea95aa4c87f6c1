"""Food labels as product data: a nutrition declaration per 100 ml or 100 g for foods and
drinks, and for a food supplement its legal name and the amount of each ingredient per
daily dose. Sizes inherit their parent's label; staff edit both on the dashboard's
product page ("Food label" tab)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

GRAMS = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


def grams(label: str) -> models.DecimalField:
    return models.DecimalField(f"{label} (g)", max_digits=6, decimal_places=3, validators=GRAMS)


class NutritionDeclaration(models.Model):
    """The mandatory nutrition declaration (Food Information Regulations 2014): energy,
    fat, saturates, carbohydrate, sugars, protein and salt. Food supplements are exempt."""

    class Basis(models.TextChoices):
        PER_100_ML = "100ml", "per 100 ml (drinks)"
        PER_100_G = "100g", "per 100 g"

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="nutrition"
    )
    basis = models.CharField("Typical values", max_length=5, choices=Basis.choices)
    energy_kj = models.DecimalField(
        "Energy (kJ)", max_digits=6, decimal_places=1, validators=[MinValueValidator(0)]
    )
    energy_kcal = models.DecimalField(
        "Energy (kcal)", max_digits=6, decimal_places=1, validators=[MinValueValidator(0)]
    )
    fat = grams("Fat")
    saturates = grams("of which saturates")
    carbohydrate = grams("Carbohydrate")
    sugars = grams("of which sugars")
    protein = grams("Protein")
    salt = grams("Salt")
    values_confirmed = models.BooleanField(
        "Checked against the lab analysis",
        default=False,
        help_text="Leave unticked until the values are confirmed by analysis or a "
        "recognised calculation (the demo values are estimates).",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "nutrition declaration"

    def __str__(self) -> str:
        return f"Nutrition of {self.product}"

    def clean(self):
        errors = {}
        if self.saturates is not None and self.fat is not None and self.saturates > self.fat:
            errors["saturates"] = "Saturates are part of the fat, so can't be more than the fat."
        if (
            self.sugars is not None
            and self.carbohydrate is not None
            and self.sugars > self.carbohydrate
        ):
            errors["sugars"] = "Sugars are part of the carbohydrate, so can't be more than it."
        if self.energy_kj and self.energy_kcal:
            ratio = self.energy_kj / self.energy_kcal
            if not Decimal("4.0") <= ratio <= Decimal("4.4"):
                errors["energy_kj"] = (
                    "kJ should be about 4.2 times the kcal: check the two energy values "
                    "were not swapped or mistyped."
                )
        parts = (self.fat, self.carbohydrate, self.protein, self.salt)
        if self.basis == self.Basis.PER_100_G and None not in parts and sum(parts) > 100:
            errors["fat"] = "Fat, carbohydrate, protein and salt add up to over 100 g."
        if errors:
            raise ValidationError(errors)


class SupplementFacts(models.Model):
    """What a food supplement's label says beside the statutory statements: its name
    as a food supplement and how many units (capsules) make the daily dose."""

    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, related_name="supplement_facts"
    )
    name_of_food = models.CharField(
        "Name of the food",
        max_length=200,
        help_text='Must say "food supplement", e.g. "Food supplement with human milk '
        'oligosaccharides and lactoferrin".',
    )
    dose_units = models.PositiveSmallIntegerField(
        "Units per daily dose", default=1, validators=[MinValueValidator(1)]
    )
    unit_name = models.CharField(
        "Unit", max_length=30, default="capsule", help_text="e.g. capsule, scoop, sachet."
    )
    amounts_confirmed = models.BooleanField(
        "Amounts confirmed by the formulator",
        default=False,
        help_text="Leave unticked until the amounts match the specification (the demo "
        "amounts are invented).",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "supplement label"

    def __str__(self) -> str:
        return self.name_of_food

    def clean(self):
        if self.name_of_food and "food supplement" not in self.name_of_food.lower():
            raise ValidationError(
                {"name_of_food": 'The name of a food supplement must include "food supplement".'}
            )


class SupplementIngredient(models.Model):
    """One row of a supplement's ingredient table: the amount in the daily dose."""

    class Unit(models.TextChoices):
        GRAM = "g", "g"
        MILLIGRAM = "mg", "mg"
        MICROGRAM = "µg", "µg"

    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="supplement_ingredients"
    )
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(max_length=120)
    amount = models.DecimalField(
        "Amount per daily dose",
        max_digits=10,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001"))],
    )
    unit = models.CharField(max_length=2, choices=Unit.choices, default=Unit.MILLIGRAM)
    nrv_percent = models.DecimalField(
        "% NRV",
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Only for vitamins and minerals with a nutrient reference value.",
    )

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name
