"""Wish lists: adding and moving products are POSTs (Oscar also did them on GET)."""

from oscar.apps.customer.wishlists import views as oscar_views

from shop.core.http import PostOnlyMixin


class WishListAddProduct(PostOnlyMixin, oscar_views.WishListAddProduct):
    pass


class WishListMoveProductToAnotherWishList(
    PostOnlyMixin, oscar_views.WishListMoveProductToAnotherWishList
):
    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)  # Oscar's move
