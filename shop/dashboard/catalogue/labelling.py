"""The product page's "Food label" tab: the nutrition declaration of foods and drinks, and
a food supplement's name and ingredient table (shop.labelling), as Oscar-style formsets."""

from django import forms
from oscar.core.loading import get_model

from shop.labelling.models import NutritionDeclaration, SupplementFacts, SupplementIngredient

Product = get_model("catalogue", "Product")


class ProductInlineFormSet(forms.BaseInlineFormSet):
    """An inline formset taking the arguments Oscar's product view passes every formset."""

    def __init__(self, product_class, user, *args, **kwargs):
        self.product_class, self.user = product_class, user
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].widget.attrs["aria-label"] = "Delete this row"


class NutritionForm(forms.ModelForm):
    class Meta:
        model = NutritionDeclaration
        fields = [
            *("basis", "energy_kj", "energy_kcal", "fat", "saturates", "carbohydrate"),
            *("sugars", "protein", "salt", "values_confirmed"),
        ]

    def __init__(self, *args, drink=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["basis"].initial = (
                NutritionDeclaration.Basis.PER_100_ML
                if drink
                else NutritionDeclaration.Basis.PER_100_G
            )


class SupplementIngredientForm(forms.ModelForm):
    """One ingredient row; each box labelled for screen readers (the table heads the
    columns), and amounts shown as typed (1000, not 1000.000)."""

    class Meta:
        model = SupplementIngredient
        fields = ["name", "amount", "unit", "nrv_percent", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("aria-label", str(field.label))
            field.widget.attrs.setdefault("class", "form-control")
        if self.instance.pk and self.instance.amount is not None:
            self.initial["amount"] = f"{self.instance.amount.normalize():f}"


INGREDIENT_COLUMNS = ["name", "amount", "unit", "nrv_percent", "position", "DELETE"]


class NutritionFormSet(ProductInlineFormSet):
    def get_form_kwargs(self, index):
        return {**super().get_form_kwargs(index), "drink": self.product_class.food_kind == "drink"}


def one(model, form=None, **options):
    return forms.inlineformset_factory(
        Product,
        model,
        form=form or forms.ModelForm,
        formset=options.pop("formset", ProductInlineFormSet),
        exclude=["product"],
        **options,
    )


NutritionDeclarationFormSet = one(
    NutritionDeclaration, NutritionForm, formset=NutritionFormSet, extra=1, max_num=1
)
SupplementFactsFormSet = one(SupplementFacts, extra=1, max_num=1)
SupplementIngredientFormSet = one(
    SupplementIngredient,
    SupplementIngredientForm,
    extra=3,
    max_num=40,
    absolute_max=40,
    validate_max=True,
)


def label_formsets(product_class, parent) -> dict:
    """The food-label formsets a product of this class edits (sizes use their parent's)."""
    if parent is not None:
        return {}
    kind = product_class.food_kind if product_class else ""
    if kind == "supplement":
        return {
            "supplement_formset": SupplementFactsFormSet,
            "supplement_ingredient_formset": SupplementIngredientFormSet,
        }
    if kind in ("food", "drink"):
        return {"nutrition_formset": NutritionDeclarationFormSet}
    return {}
