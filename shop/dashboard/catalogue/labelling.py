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
    SupplementIngredient, extra=3, max_num=40, absolute_max=40, validate_max=True
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
