"""Orders for the legal tests: placed through the real checkout, then moved along."""

from django.urls import reverse
from oscar.core.loading import get_model

from tests import checkout_steps as steps
from tests import factories

Order = get_model("order", "Order")
ProductClass = get_model("catalogue", "ProductClass")


def catalogue() -> dict:
    """One product of each kind, with the exceptions the demo records."""
    factories.delivery_methods()
    supplement = factories.supplement_class()
    kefir = factories.milk_kefir_class()
    kit = factories.product_class("Kit or equipment", "20", "")
    ProductClass.objects.filter(pk=supplement.pk).update(cancellation_exception="sealed")
    ProductClass.objects.filter(pk=kefir.pk).update(cancellation_exception="perishable")
    return {
        "capsules": factories.product("kēpos 30-day", "39.99", klass=supplement),
        "kefir": factories.product("Goat's Milk Kefir 1 litre", "7.99", klass=kefir),
        "jar": factories.product("Fermenting jar", "14.00", klass=kit),
    }


def guest_order(client, items, *, email="guest@example.com", method="next-day"):
    """A paid guest order of ``items`` [(product, quantity)]; the client has looked it up."""
    steps.guest_checkout(client, items, email=email, method=method)
    response = steps.place_order(client)
    assert response.status_code == 302, response.content.decode()[:500]
    order = Order.objects.filter(guest_email=email).latest("pk")
    client.post(reverse("order-status:lookup"), {"number": order.number, "email": email})
    return order


def set_status(order, status: str, **fields) -> None:
    Order.objects.filter(pk=order.pk).update(status=status, **fields)
    order.refresh_from_db()
