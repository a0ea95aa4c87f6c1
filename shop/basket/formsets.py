"""Basket formsets with a ceiling on how many forms a submission may claim.

Django trusts the posted TOTAL_FORMS up to ``absolute_max`` (2,000 by
default): a tampered basket update made the server build and render two
thousand forms. No basket needs more than MAX_LINES lines.
"""

from django.forms.models import modelformset_factory
from oscar.apps.basket.formsets import *  # noqa: F403
from oscar.apps.basket.formsets import (
    BaseBasketLineFormSet,
    BaseSavedLineFormSet,
    BasketLineForm,
    Line,
    SavedLineForm,
)

MAX_LINES = 100
LIMITS = {"max_num": MAX_LINES, "absolute_max": MAX_LINES, "validate_max": True}

BasketLineFormSet = modelformset_factory(
    Line, form=BasketLineForm, formset=BaseBasketLineFormSet, extra=0, can_delete=True, **LIMITS
)
SavedLineFormSet = modelformset_factory(
    Line, form=SavedLineForm, formset=BaseSavedLineFormSet, extra=0, can_delete=True, **LIMITS
)
