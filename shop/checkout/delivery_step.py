"""The delivery-method step of the checkout (Oscar's ShippingMethodView, forked)."""

from django.contrib import messages
from django.shortcuts import redirect
from oscar.apps.checkout import views

from shop.shipping import rules
from shop.shipping.postcodes import DeliveryZone, PostcodeError
from shop.shipping.repository import zone_of_address


class ShippingMethodView(views.ShippingMethodView):
    """The delivery methods for the address, always shown, even when only one serves it
    (Oscar chose a lone method silently: a Highlands shopper got Standard and its
    surcharge without a word), with the methods that do not reach the address named."""

    zone = DeliveryZone.MAINLAND

    def get(self, request, *args, **kwargs):
        address = self.get_shipping_address(request.basket)
        if address is not None:
            try:
                self.zone = zone_of_address(address)
            except PostcodeError as error:  # say exactly why (e.g. a Jersey postcode)
                messages.error(request, str(error))
                return redirect("checkout:shipping-address")
        shown = request.basket.is_shipping_required() and address is not None
        if shown:
            self._methods = self.get_available_shipping_methods()
        if shown and len(self._methods) == 1:
            return super(views.ShippingMethodView, self).get(request, *args, **kwargs)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        serving = {method.code for method in self._methods}
        context["not_here"] = [
            method.name
            for method in rules.offered_methods(self.request)
            if method.code not in serving
        ]
        context["zone_label"] = self.zone.label
        context["postcode"] = getattr(
            self.get_shipping_address(self.request.basket), "postcode", ""
        )
        return context
