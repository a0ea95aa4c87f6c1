"""Order fork: status changes made in the dashboard go through the life-cycle services."""

from oscar.apps.order import processing
from oscar.apps.order.exceptions import InvalidOrderStatus

from shop.gateways import get_gateway
from shop.gateways.base import PROCESSING, SUCCEEDED, PaymentFailed
from shop.order import services, status


class EventHandler(processing.EventHandler):
    def handle_order_status_change(self, order, new_status, note_msg=None):
        """Apply a status with its side effects (stock, refunds, e-mails)."""
        if new_status == status.DISPATCHED:
            tracking = self.kwargs.get("tracking_number", "")
            if not tracking:
                raise InvalidOrderStatus("Use the dispatch form: it asks for the tracking number.")
            services.dispatch_order(order, tracking_number=tracking, user=self.user)
        elif new_status == status.CANCELLED:
            if order.status == status.PENDING_PAYMENT:
                self.stop_payment(order)
            services.cancel_order(order, reason=note_msg or "by staff", user=self.user)
        elif new_status == status.REFUNDED:
            services.refund_order(order, reason=note_msg or "", user=self.user)
        elif new_status in (status.PACKED, status.DELIVERED):
            mark = services.mark_packed if new_status == status.PACKED else services.mark_delivered
            mark(order, user=self.user)
            if note_msg:
                self.create_note(order, note_msg)
        elif new_status == status.PAID and order.status == status.PENDING_PAYMENT:
            raise InvalidOrderStatus("Orders become paid when the payment provider confirms.")
        else:
            super().handle_order_status_change(order, new_status, note_msg)

    @staticmethod
    def stop_payment(order) -> None:
        """Cancel a waiting order's payment intent first, so it cannot be paid after."""
        source = order.sources.first()
        if source is None or not source.reference:
            return
        try:
            intent = get_gateway().cancel(source.reference)
        except PaymentFailed as error:
            raise InvalidOrderStatus(
                "The payment provider could not be reached to stop this order's payment; "
                "please try again in a moment."
            ) from error
        if intent.status in (SUCCEEDED, PROCESSING):
            raise InvalidOrderStatus(
                "This order's payment has just gone through (or is being confirmed), so it "
                "cannot be cancelled as unpaid. Reload the order."
            )
