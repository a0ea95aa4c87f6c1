"""How a payment ends, for the shopper: the thank-you page, the bank's page, or the
review page again with the reason and their basket back. Shared by "Place order"
(the test gateway answers at once) and the return page (after Stripe or the bank).
"""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from oscar.apps.checkout.mixins import OrderPlacementMixin
from oscar.core.loading import get_model

from shop.gateways import base as gateway_base
from shop.gateways import get_gateway
from shop.gateways.base import Intent, PaymentFailed
from shop.order import status
from shop.payments import completion, intents
from shop.payments.intents import IntentMismatch

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")

PENDING_ORDER = "checkout_pending_order_id"
NOT_PAID = "Your payment was not completed, so nothing was charged. Please try again."
COULD_NOT_CONFIRM = (
    "We couldn't confirm your payment. If money has left your account, we will match it to "
    "your order or refund it; please contact us if you don't hear from us today."
)
NO_PAYMENT_TO_CHECK = "We couldn't find a payment to check. Your basket is below."


class PaymentOutcomeMixin:
    """What the shopper sees once the provider has answered, on "Place order"
    (the test gateway answers at once) and on the return page (after Stripe or
    the bank): the thank-you page, the bank's page, or the review page again with
    the reason and their basket back."""

    def payment_outcome(self, order, intent: Intent, *, failed):
        if intent.succeeded:
            try:
                completion.complete(order, intent)
            except IntentMismatch:
                return failed(COULD_NOT_CONFIRM)
            return self.show_order(order)
        if intent.status == gateway_base.PROCESSING:
            return self.show_order(order)  # the thank-you page says it is being confirmed
        if intent.status == gateway_base.REQUIRES_ACTION and intent.next_action_url:
            return self.go(intent.next_action_url)
        logger.info("Order #%s: payment not made (%s)", order.number, intent.status)
        self.give_basket_back()
        return failed(intent.failure_message or NOT_PAID)

    def wants_json(self) -> bool:
        """The payment page's script (Stripe) asks for JSON; a plain form post does not."""
        return self.request.headers.get("Accept", "").startswith("application/json")

    def go(self, url: str):
        """Send the shopper to ``url``: a redirect, or for the script a JSON answer
        naming it (fetch would follow a redirect and lose the page)."""
        if self.request.method == "POST" and self.wants_json():
            return JsonResponse({"redirect": url})
        return redirect(url)

    def show_order(self, order):
        self.checkout_session.flush()
        self.request.session.pop(PENDING_ORDER, None)
        self.request.session["checkout_order_id"] = order.pk
        return self.go(reverse("checkout:thank-you"))

    def give_basket_back(self) -> None:
        """Thaw the basket frozen for the payment and make it the shopper's again,
        with anything put in a new basket meanwhile (Oscar's restore_frozen_basket,
        which fails when that new basket was never saved)."""
        frozen = Basket.objects.filter(
            pk=self.checkout_session.get_submitted_basket_id() or 0, status=Basket.FROZEN
        ).first()
        if frozen is None:
            return
        frozen.thaw()
        current = self.request.basket
        if current.id and current.id != frozen.id:
            frozen.merge(current)
        frozen.strategy = current.strategy
        self.request.basket = frozen


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentReturnView(PaymentOutcomeMixin, OrderPlacementMixin, View):
    """Where the provider (or the bank's page) sends the shopper back. The order comes
    from the session, never from the address; its intent is read from the provider
    and checked against the order before anything is marked paid."""

    def get(self, request, *args, **kwargs):
        order = Order.objects.filter(pk=request.session.get(PENDING_ORDER) or 0).first()
        if order is None:
            messages.error(request, NO_PAYMENT_TO_CHECK)
            return redirect("basket:summary")
        if order.status != status.PENDING_PAYMENT:
            if order.status == status.CANCELLED:
                self.give_basket_back()
                messages.error(request, NOT_PAID)
                return redirect("checkout:preview")
            return self.show_order(order)
        try:
            intent = get_gateway().retrieve(intents.reference_of(order))
            intents.check_matches(order, intent)
        except PaymentFailed as error:  # unreachable provider, or not this order's intent
            logger.error("Order #%s: cannot read its payment: %s", order.number, error)
            messages.error(request, COULD_NOT_CONFIRM)
            return redirect("checkout:preview")
        return self.payment_outcome(order, intent, failed=self.back_to_review)

    def back_to_review(self, message: str):
        messages.error(self.request, message)
        return redirect("checkout:preview")
