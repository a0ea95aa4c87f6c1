"""Wish lists: adding and moving products are POSTs (Oscar also did them on GET), and
quantities are bounded."""

from django import forms
from django.forms.models import inlineformset_factory
from oscar.apps.customer.wishlists import views as oscar_views
from oscar.apps.wishlists.forms import WishListLineForm
from oscar.core.loading import get_model

from shop.core.http import PostOnlyMixin

Line = get_model("wishlists", "Line")
WishList = get_model("wishlists", "WishList")
MAX_QUANTITY = 999
MAX_LINES = 100


class WishListAddProduct(PostOnlyMixin, oscar_views.WishListAddProduct):
    pass


class WishListMoveProductToAnotherWishList(
    PostOnlyMixin, oscar_views.WishListMoveProductToAnotherWishList
):
    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)  # Oscar's move


class QuantityForm(WishListLineForm):
    """A wish-list line's quantity, kept to what the database and a shopper need."""

    quantity = forms.IntegerField(min_value=0, max_value=MAX_QUANTITY)


WishListLineFormset = inlineformset_factory(
    WishList,
    Line,
    fields=("quantity",),
    form=QuantityForm,
    extra=0,
    can_delete=False,
    # Django trusts a posted TOTAL_FORMS up to 2,000 forms: a tampered post built them all.
    max_num=MAX_LINES,
    absolute_max=MAX_LINES,
    validate_max=True,
)


class WishListDetailView(oscar_views.WishListDetailView):
    """Oscar's quantity field has no upper bound (a huge number answered 500: overflow)
    and its formset no ceiling on forms."""

    form_class = WishListLineFormset
