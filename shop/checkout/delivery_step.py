"""The delivery-method step of the checkout (Oscar's ShippingMethodView, forked)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.functional import cached_property
from oscar.apps.checkout import views

from shop.shipping import rules
from shop.shipping.postcodes import PostcodeError
from shop.shipping.repository import zone_of_address


class ShippingMethodView(views.ShippingMethodView):
    """The delivery methods for the address, always shown, even when only one serves it
    (Oscar chose a lone method silently: a Highlands shopper got Standard and its
    surcharge without a word), with the methods that do not reach the address named."""

    @cached_property
    def address(self):
        return self.get_shipping_address(self.request.basket)

    def get(self, request, *args, **kwargs):
        if self.address is not None:
            try:
                zone_of_address(self.address)
            except PostcodeError as error:  # say exactly why (e.g. a Jersey postcode)
                messages.error(request, str(error))
                return redirect("checkout:shipping-address")
        shown = request.basket.is_shipping_required() and self.address is not None
        if shown:
            self._methods = self.get_available_shipping_methods()
        if shown and len(self._methods) == 1:
            return super(views.ShippingMethodView, self).get(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        """Also on a refused POST (a method that does not reach the address)."""
        context = super().get_context_data(**kwargs)
        serving = {method.code for method in self._methods}
        context["not_here"] = [
            method.name
            for method in rules.offered_methods(self.request)
            if method.code not in serving
        ]
        try:
            context["zone_label"] = zone_of_address(self.address).label if self.address else ""
        except PostcodeError:
            context["zone_label"] = ""
        context["postcode"] = getattr(self.address, "postcode", "")
        return context
