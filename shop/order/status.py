"""The order life cycle, as Oscar's status pipeline (settings import it)."""

PENDING_PAYMENT = "Pending payment"
PAID = "Paid"
PACKED = "Packed"
DISPATCHED = "Dispatched"
DELIVERED = "Delivered"
CANCELLED = "Cancelled"
REFUNDED = "Refunded"

# The delivery address may still be corrected (by staff who change orders, audited)
# until the parcel is packed.
ADDRESS_EDITABLE = frozenset({PENDING_PAYMENT, PAID})

PIPELINE: dict[str, tuple[str, ...]] = {
    PENDING_PAYMENT: (PAID, CANCELLED),
    PAID: (PACKED, CANCELLED, REFUNDED),
    PACKED: (DISPATCHED, PAID, CANCELLED, REFUNDED),
    DISPATCHED: (DELIVERED, REFUNDED),
    DELIVERED: (REFUNDED,),
    CANCELLED: (),
    REFUNDED: (),
}

# Lines move with their order.
CASCADE: dict[str, str] = {status: status for status in PIPELINE}
