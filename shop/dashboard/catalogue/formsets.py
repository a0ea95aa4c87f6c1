"""The product and product-type formsets, with a ceiling on how many forms a post may
claim: Django trusts a posted TOTAL_FORMS up to 2,000, so one tampered save built
thousands of forms in each formset of the product page."""

from oscar.apps.dashboard.catalogue import formsets as oscar_formsets
from oscar.apps.dashboard.catalogue.formsets import *  # noqa: F403

MAX_FORMS = 100


def capped(formset):
    """``formset`` refusing (as a form error) more than MAX_FORMS forms."""
    limits = {"max_num": MAX_FORMS, "absolute_max": MAX_FORMS, "validate_max": True}
    return type(formset.__name__, (formset,), {**limits, "__module__": __name__})


StockRecordFormSet = capped(oscar_formsets.StockRecordFormSet)
ProductCategoryFormSet = capped(oscar_formsets.ProductCategoryFormSet)
ProductImageFormSet = capped(oscar_formsets.ProductImageFormSet)
ProductRecommendationFormSet = capped(oscar_formsets.ProductRecommendationFormSet)
ProductAttributesFormSet = capped(oscar_formsets.ProductAttributesFormSet)
AttributeOptionFormSet = capped(oscar_formsets.AttributeOptionFormSet)
