"""Reviews fork: a refused review says why, and a review written is a verified one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from oscar.apps.catalogue.reviews import views

from shop.catalogue.reviews.eligibility import eligibility


class CreateProductReview(views.CreateProductReview):
    def dispatch(self, request, *args, **kwargs):
        product = get_object_or_404(self.product_model, pk=kwargs["product_pk"], is_public=True)
        decision = eligibility(request.user, product)
        if not decision.allowed:
            messages.info(request, decision.reason)
            return redirect(product.get_absolute_url())
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        form.instance.verified_purchase = True  # dispatch let only arrived orders through
        return super().form_valid(form)
