"""Orders: a copy of each in the export; on erasure the order stays for the tax
records (number, dates, lines, prices, VAT, discounts, delivery country) while the
person's name, e-mail, phone and addresses on it become a placeholder."""

from oscar.core.loading import get_model

from shop.privacy.sections.common import (
    ERASED_ADDRESS,
    ERASED_EMAIL,
    ERASED_SHIPPING_ADDRESS,
    address,
    money,
    of_person,
    scrub,
    when,
)
from shop.privacy.sections.records import redact_audit

Order = get_model("order", "Order")
OrderNote = get_model("order", "OrderNote")
ShippingAddress = get_model("order", "ShippingAddress")
BillingAddress = get_model("order", "BillingAddress")
VoucherApplication = get_model("voucher", "VoucherApplication")


def orders_of(user, email: str):
    """The account's orders and any placed as a guest with the same e-mail."""
    return Order.objects.filter(of_person(user, email, email_field="guest_email"))


def _line(line) -> dict:
    return {
        "product": line.title,
        "sku": line.partner_sku,
        "quantity": line.quantity,
        "unit_price_incl_vat": money(line.unit_price_incl_tax),
        "price_incl_vat": money(line.line_price_incl_tax),
        "price_excl_vat": money(line.line_price_excl_tax),
        "status": line.status,
    }


def _order(order) -> dict:
    return {
        "number": order.number,
        "placed": when(order.date_placed),
        "status": order.status,
        "email": order.guest_email or (order.user.email if order.user_id else ""),
        "currency": order.currency,
        "total_incl_vat": money(order.total_incl_tax),
        "total_excl_vat": money(order.total_excl_tax),
        "delivery_charge_incl_vat": money(order.shipping_incl_tax),
        "delivery_method": order.shipping_method,
        "dispatch_on": when(order.dispatch_on),
        "deliver_from": when(order.deliver_from),
        "deliver_by": when(order.deliver_by),
        "tracking_number": order.tracking_number,
        "delivery_address": address(order.shipping_address),
        "billing_address": address(order.billing_address),
        "lines": [_line(line) for line in order.lines.all()],
        "discounts": [
            {"offer": d.offer_name, "voucher": d.voucher_code, "amount": money(d.amount)}
            for d in order.discounts.all()
        ],
    }


def export(user, email: str) -> list[dict]:
    orders = (
        orders_of(user, email)
        .select_related("user", "shipping_address__country", "billing_address__country")
        .prefetch_related("lines", "discounts")
        .order_by("-date_placed", "-pk")
    )
    return [_order(order) for order in orders]


def _names(orders, user) -> set[str]:
    """What identifies the person in staff notes on their orders: the full names they went
    by, their street lines, postcodes and phone numbers (as stored and as typed)."""
    names = {user.get_full_name()} if user is not None else set()
    for order in orders:
        for item in (order.shipping_address, order.billing_address):
            if item is None:
                continue
            names.add(f"{item.first_name} {item.last_name}".strip())
            names.update({item.line1, item.line2, item.postcode})
            phone = str(getattr(item, "phone_number", "") or "")
            if phone:
                names.update({phone, "0" + phone[3:] if phone.startswith("+44") else phone})
    return names


def erase(user, email: str) -> int:
    """Replace the person on their orders; the orders themselves stay."""
    orders = list(orders_of(user, email).select_related("shipping_address", "billing_address"))
    needles = _names(orders, user) | {email} | ({user.email} if user is not None else set())
    order_ids = [order.pk for order in orders]
    shipping_ids = [o.shipping_address_id for o in orders if o.shipping_address_id]
    billing_ids = [o.billing_address_id for o in orders if o.billing_address_id]
    redact_audit("order.order", order_ids)
    redact_audit("order.shippingaddress", shipping_ids)
    # update(), not save(): no signal copies the old values anywhere on the way out.
    Order.objects.filter(pk__in=order_ids).update(user=None, guest_email=ERASED_EMAIL)
    ShippingAddress.objects.filter(pk__in=shipping_ids).update(**ERASED_SHIPPING_ADDRESS)
    BillingAddress.objects.filter(pk__in=billing_ids).update(**ERASED_ADDRESS)
    for note in OrderNote.objects.filter(order_id__in=order_ids).only("pk", "message"):
        cleaned = scrub(note.message, needles)
        if cleaned != note.message:
            OrderNote.objects.filter(pk=note.pk).update(message=cleaned)
    if user is not None:
        # Kept, without the person: notes they wrote and the vouchers' use counts.
        OrderNote.objects.filter(user=user).update(user=None)
        VoucherApplication.objects.filter(user=user).update(user=None)
    return len(order_ids)
