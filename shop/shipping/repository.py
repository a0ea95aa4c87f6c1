"""Shipping fork: the delivery methods a basket can use, priced for its address."""

from oscar.apps.shipping import repository

from shop.shipping.postcodes import DeliveryZone, PostcodeError, zone_for
from shop.shipping.rules import offered_methods


def zone_of_address(address) -> DeliveryZone:
    """The delivery zone of an Oscar address; PostcodeError if we cannot deliver there."""
    if address.country_id != "GB":
        raise PostcodeError("We deliver within the United Kingdom only.")
    return zone_for(address.postcode)


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """Offered methods serving the address's zone (the mainland before there is one)."""
        zone = DeliveryZone.MAINLAND
        if shipping_addr is not None:
            try:
                zone = zone_of_address(shipping_addr)
            except PostcodeError:
                return []
        methods = offered_methods(kwargs.get("request"))
        return [method.for_zone(zone) for method in methods if method.serves(zone)]
