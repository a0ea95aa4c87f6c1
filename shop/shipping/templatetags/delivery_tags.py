"""Template tags that show the delivery rules where shoppers decide."""

from dataclasses import dataclass

from django import template

from shop.shipping import quotes, rules
from shop.shipping.dates import DeliveryEstimate
from shop.shipping.postcodes import DeliveryZone

register = template.Library()


@dataclass(frozen=True)
class DeliveryPromise:
    method: object
    estimate: DeliveryEstimate


@register.simple_tag(takes_context=True)
def free_delivery_progress(context, basket):
    """The basket's progress to the headline offer's free delivery (None without one)."""
    return rules.free_delivery_progress(basket, context.get("request"))


@register.simple_tag(takes_context=True)
def dispatch_promise(context, product=None, basket=None):
    """When an order placed now leaves and arrives by the headline (or first) method."""
    request = context.get("request")
    methods = rules.offered_methods(request)
    if not methods:
        return None
    method = rules.headline_method(request) or methods[0]
    if basket is not None:
        live = rules.basket_needs_weekday_transit(basket)
    else:
        live = bool(product is not None and product.needs_weekday_transit)
    return DeliveryPromise(
        method, rules.estimate_for(method, request=request, no_weekend_transit=live)
    )


@dataclass(frozen=True)
class MethodQuote:
    estimate: DeliveryEstimate
    surcharge: object  # Decimal: the address zone's surcharge included in the price
    zone_label: str


@register.simple_tag(takes_context=True)
def method_quote(context, method, basket):
    """Arrival dates and zone surcharge of one method for this basket (checkout's list)."""
    method = getattr(method, "method", method)  # unwrap Oscar's shipping-offer wrapper
    estimate = rules.estimate_for(
        method,
        request=context.get("request"),
        no_weekend_transit=rules.basket_needs_weekday_transit(basket),
    )
    return MethodQuote(estimate, quotes.surcharge(method, method.zone), method.zone.label)


@register.simple_tag(takes_context=True)
def delivery_beside_price(context, price) -> list[str]:
    """What delivery adds to this price by each method to the UK mainland, from the live
    rules ("+ £4.99 Next Day delivery, FREE on orders of £25 or more"), so the total at
    checkout is no surprise."""
    if price is None or not getattr(price, "exists", False):
        return []
    return [
        quotes.beside_price(method, price.incl_tax)
        for method in rules.offered_methods(context.get("request"))
        if method.serves(DeliveryZone.MAINLAND)
    ]
