"""Checkout fork: review and pay on one page. "Place order" writes the order as
Pending payment with its stock allocated (under locks, before any money moves),
then pays it through the gateway: at once for the test gateway's card form, or
in the browser for Stripe, coming back to the return page (``outcome.py``). One
order per basket however often "Place order" is pressed; a retry reuses it or
cancels it first."""

import logging

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from oscar.apps.checkout import views
from oscar.apps.checkout.utils import CheckoutSessionData
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from shop.checkout import marketing, review, subscribing
from shop.checkout.delivery_step import ShippingMethodView  # noqa: F401 (get_class finds it here)
from shop.checkout.outcome import PENDING_ORDER, PaymentOutcomeMixin
from shop.gateways import base as gateway_base
from shop.gateways import get_gateway
from shop.gateways.base import PaymentFailed
from shop.gateways.forms import CardForm
from shop.legal import acceptance
from shop.order import status
from shop.order.utils import InsufficientStock
from shop.order.vat import basket_vat_rows, order_vat_rows
from shop.partner.stock import queue_low_stock_emails
from shop.payments import completion, intents, saved_cards
from shop.shipping import rules

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

OPEN_STATUSES = frozenset(
    {gateway_base.REQUIRES_PAYMENT_METHOD, gateway_base.REQUIRES_CONFIRMATION}
)

PROCESSING_ERROR = (
    "We couldn't process your card: the card processor reported an error. No money was "
    "taken. Please try again in a moment, or use another card."
)
NEEDS_SCRIPT = "Paying by card needs JavaScript turned on in your browser."
PAYMENT_IN_FLIGHT = (
    "The payment for your earlier order is still being confirmed by your bank. "
    "Please wait a minute, then look for our e-mail before ordering again."
)


class PaymentInFlight(Exception):
    """The basket's earlier order is being paid right now; nothing may replace it."""


class VoucherUsedUp(Exception):
    """A voucher in the basket can no longer be used; the message says which."""


STALE_REVIEW = (
    "Please check your order below and place it again: the page you ordered from had expired "
    "or was for another basket. Nothing has been charged."
)
CHANGED_SINCE_REVIEW = (
    "Your order changed after you reviewed it (perhaps in another tab): it now comes to {now}, "
    "not the {seen} you saw. Nothing has been charged. Please check it below and place it again."
)


class IndexView(views.IndexView):
    """The checkout's "returning customer" password goes through the sign-in throttle,
    which needs the request (shop/customer/throttle.py)."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        if form.is_guest_checkout() and subscribing.has_subscriptions(self.request.basket):
            form.add_error("options", subscribing.NEEDS_ACCOUNT)
            return self.form_invalid(form)
        return super().form_valid(form)


class ShippingAddressView(views.ShippingAddressView):
    def post(self, request, *args, **kwargs):
        """The address book's "Ship to this address", with a bad or a stranger's address id
        answered by a message (Oscar's lookup answered 500)."""
        if request.user.is_authenticated and "address_id" in request.POST:
            raw = request.POST["address_id"]
            address = (
                self.get_available_addresses().filter(pk=int(raw)).first()
                if raw.isascii() and raw.isdigit() and len(raw) < 12
                else None
            )
            if address is None or request.POST.get("action") != "ship_to":
                messages.error(request, "Please choose one of your addresses, or enter a new one.")
                return redirect("checkout:shipping-address")
            self.checkout_session.ship_to_user_address(address)
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentDetailsView(PaymentOutcomeMixin, views.PaymentDetailsView):
    """The order review with the payment form under it. "Place order" writes the order
    as Pending payment (stock allocated), then pays it through the gateway; the
    network call is made outside any transaction."""

    template_name = template_name_preview = "oscar/checkout/preview.html"

    def get(self, request, *args, **kwargs):
        if not self.preview:  # payment details live on the review page
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        self.checkout_session = CheckoutSessionData(request)
        if not request.user.is_authenticated and subscribing.has_subscriptions(request.basket):
            messages.error(request, subscribing.NEEDS_ACCOUNT)
            return redirect("checkout:index")
        if request.method == "GET" and self.unfinished_payment():
            with transaction.atomic():
                self.give_basket_back()  # a payment left half-way: the basket comes back
            return redirect(request.get_full_path())
        if request.method == "POST" and request.POST.get("action") == "place_order":
            placed = self.order_already_placed(request)
            if placed is not None:
                return placed
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.preview and request.POST.get("action") == "place_order":
            return self.handle_place_order_submission(request)  # manages its own transactions
        with transaction.atomic():
            return super().post(request, *args, **kwargs)

    def unfinished_payment(self) -> bool:
        basket_id = self.checkout_session.get_submitted_basket_id()
        return (
            bool(basket_id) and Basket.objects.filter(pk=basket_id, status=Basket.FROZEN).exists()
        )

    # --- One order per basket, at the total the shopper reviewed ---

    def visitor_key(self) -> str:
        user = self.request.user
        if user.is_authenticated:
            return f"user:{user.pk}"
        if not self.request.session.session_key:
            self.request.session.save()
        return f"session:{self.request.session.session_key}"

    def order_already_placed(self, request):
        """A double click or a re-posted form after the order was paid: show that order."""
        reviewed = review.read_token(request.POST.get("basket_token", ""))
        if reviewed is None or reviewed.visitor != self.visitor_key():
            return None  # the normal path reports the problem
        order = (
            Order.objects.filter(basket_id=reviewed.basket_id)
            .exclude(status__in=[status.PENDING_PAYMENT, status.CANCELLED])
            .first()
        )
        if order is None:
            return None
        logger.info("Order #%s: repeated submission, showing the placed order", order.number)
        return self.show_order(order)

    # --- The review page ---

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = self.request.basket
        gateway = get_gateway()
        context.setdefault("card_form", CardForm())
        context["legal_terms"] = acceptance.current(
            subscribing=subscribing.has_subscriptions(basket), basket=basket
        )
        context["basket_token"] = review.token_for(
            context, visitor=self.visitor_key(), terms=context["legal_terms"].ids()
        )
        context["gateway"] = gateway
        context["gateway_settings"] = gateway.browser_settings()
        total = context.get("order_total")
        if total is not None:  # the Payment Element shows it in wallets (Apple/Google Pay)
            context["payment_amount_minor"] = int(total.incl_tax * 100)
        if context.get("shipping_charge") is not None:
            context["vat_rows"] = basket_vat_rows(basket, context["shipping_charge"])
        method = context.get("shipping_method")
        if method is not None and hasattr(getattr(method, "method", method), "cutoff_time"):
            context["delivery_estimate"] = self.estimate(method, basket)
        if subscribing.has_subscriptions(basket):
            estimate = context.get("delivery_estimate")
            first = f"{estimate.earliest:%A} {estimate.earliest.day} {estimate.earliest:%B}"
            context["subscription_terms"] = subscribing.terms_for(
                basket, method=method, first_delivery=first if estimate else "with this order"
            )
        return context

    def estimate(self, method, basket):
        return rules.estimate_for(
            getattr(method, "method", method),  # unwrap Oscar's shipping-offer wrapper
            request=self.request,
            no_weekend_transit=rules.basket_needs_weekday_transit(basket),
        )

    def render_preview(self, request, **kwargs):
        kwargs.pop("card", None)  # card details are never put back into a page
        if request.method == "POST" and self.wants_json():
            if kwargs.get("error"):
                messages.error(request, kwargs["error"])
            return JsonResponse({"redirect": reverse("checkout:preview")})
        return super().render_preview(request, **kwargs)

    def render_payment_details(self, request, **kwargs):
        return self.render_preview(request, **kwargs)

    # --- Placing the order ---

    def handle_place_order_submission(self, request):
        """Pay only for what the review page showed: same lines, delivery and total."""
        with transaction.atomic():
            checked = self.check_submission(request)
        if not isinstance(checked, dict):
            return checked  # the review page again, saying why
        return self.submit(**checked)

    def check_submission(self, request):
        reviewed = review.read_token(request.POST.get("basket_token", ""))
        if (
            reviewed is None
            or reviewed.visitor != self.visitor_key()
            or reviewed.basket_id != request.basket.pk
        ):
            return self.render_preview(request, error=STALE_REVIEW)
        card = None
        if get_gateway().collects_card_details:
            form = CardForm(request.POST)
            if not form.is_valid():
                return self.render_preview(
                    request, card_form=form, error="Please check your card details below."
                )
            card = form.card
        elif not self.wants_json():
            return self.render_preview(request, error=NEEDS_SCRIPT)
        if subscribing.has_subscriptions(request.basket) and not subscribing.accepted(request.POST):
            return self.render_preview(request, error=subscribing.ACCEPT_TERMS)
        shown_terms = acceptance.current(subscribing=subscribing.has_subscriptions(request.basket))
        if not acceptance.matches(shown_terms, reviewed.terms):
            return self.render_preview(request, error=acceptance.CHANGED)
        submission = self.build_submission()
        fingerprint = review.fingerprint(submission)
        if fingerprint != reviewed.fingerprint:
            now = submission["order_total"]
            logger.info("Basket #%s changed after review; not charged", request.basket.pk)
            return self.render_preview(
                request,
                error=CHANGED_SINCE_REVIEW.format(
                    seen=currency(reviewed.total, now.currency),
                    now=currency(now.incl_tax, now.currency),
                ),
            )
        submission["payment_kwargs"]["card"] = card
        submission["order_kwargs"]["checkout_fingerprint"] = fingerprint
        submission["order_kwargs"].update(shown_terms.order_fields())
        method = submission["shipping_method"]
        if method is not None and hasattr(getattr(method, "method", method), "cutoff_time"):
            estimate = self.estimate(method, submission["basket"])
            submission["order_kwargs"].update(
                dispatch_on=estimate.dispatch_on,
                deliver_from=estimate.earliest,
                deliver_by=estimate.latest,
            )
        return submission

    def submit(self, user, basket, *args, payment_kwargs=None, order_kwargs=None, **kwargs):
        """Write (or reuse) the Pending payment order, then pay it."""
        card = (payment_kwargs or {}).get("card")
        order_kwargs = order_kwargs or {}
        try:
            earlier = self.earlier_intents(basket, order_kwargs["checkout_fingerprint"])
            with transaction.atomic():
                order, reuse = self.pending_order(
                    user, basket, *args, earlier=earlier, **kwargs, **order_kwargs
                )
                marketing.sign_up_if_asked(self.request.POST, order=order, user=user)
        except (InsufficientStock, VoucherUsedUp) as error:
            return self.render_preview(self.request, error=str(error))
        except PaymentInFlight as error:
            return self.render_preview(self.request, error=str(error))
        except PaymentFailed as error:
            logger.error("Basket #%s: earlier payment unreadable: %s", basket.pk, error)
            return self.render_preview(self.request, error=PROCESSING_ERROR)
        self.request.session[PENDING_ORDER] = order.pk
        return_url = self.request.build_absolute_uri(reverse("checkout:payment-return"))
        gateway = get_gateway()
        try:
            save_for = (  # the card is kept for the renewals
                saved_cards.customer_reference(user)
                if subscribing.has_subscriptions(basket)
                else ""
            )
            intent = intents.start(order, reuse=reuse, save_for_customer=save_for)
            if card is not None and intent.status in OPEN_STATUSES:
                intent = gateway.confirm_card(intent.reference, card=card, return_url=return_url)
        except PaymentFailed as error:
            logger.error("Order #%s: payment processing error: %s", order.number, error)
            self.give_basket_back()
            return self.render_preview(self.request, error=PROCESSING_ERROR)
        if card is None and intent.status in OPEN_STATUSES | {gateway_base.REQUIRES_ACTION}:
            # The browser confirms it with Stripe (3-D Secure included), then comes
            # back to the return page.
            return JsonResponse({"client_secret": intent.client_secret, "return_url": return_url})
        return self.payment_outcome(
            order, intent, failed=lambda message: self.render_preview(self.request, error=message)
        )

    def earlier_intents(self, basket, fingerprint: str) -> dict:
        """The intents of this basket's unpaid orders for other lines, read before any
        lock is taken (a network call)."""
        earlier = Order.objects.filter(basket_id=basket.pk, status=status.PENDING_PAYMENT).exclude(
            checkout_fingerprint=fingerprint
        )
        gateway = get_gateway()
        found = {}
        for order in earlier:
            reference = intents.reference_of(order)
            intent = gateway.retrieve(reference) if reference else None
            if intent is not None and intent.status not in intents.MOVABLE:
                # E.g. waiting at the bank's page in another tab: stop it before its
                # order is cancelled, so it cannot be paid after (it may answer
                # "succeeded" or "processing": then nothing is replaced).
                intent = gateway.cancel(reference)
            found[order.pk] = intent
        return found

    def pending_order(
        self,
        user,
        basket,
        shipping_address,
        shipping_method,
        shipping_charge,
        billing_address,
        order_total,
        surcharges=None,
        earlier=None,
        **order_kwargs,
    ):
        """This basket's Pending payment order if it is what was reviewed, else a new one
        (one for other lines is cancelled first; its unpaid intent moves over). The
        basket is frozen while the payment is made."""
        Basket.objects.select_for_update().filter(pk=basket.pk).values_list("pk").first()
        reuse = ""
        for order in Order.objects.filter(basket_id=basket.pk, status=status.PENDING_PAYMENT):
            if order.checkout_fingerprint == order_kwargs["checkout_fingerprint"]:
                self.freeze(basket)
                terms = {k: order_kwargs.get(k) for k in acceptance.ORDER_FIELDS}
                Order.objects.filter(pk=order.pk).update(**terms)  # paid now, on these
                return order, ""
            current = (earlier or {}).get(order.pk)
            if current is not None:
                if current.status in (gateway_base.PROCESSING, gateway_base.SUCCEEDED):
                    raise PaymentInFlight(PAYMENT_IN_FLIGHT)
                if current.status in intents.MOVABLE:
                    reuse = current.reference
            completion.abandon(order, reason="the basket changed before payment")
        order_number = self.generate_order_number(basket)
        self.checkout_session.set_order_number(order_number)
        order = self.place_order(
            order_number=order_number,
            user=user,
            basket=basket,
            shipping_address=shipping_address,
            shipping_method=shipping_method,
            shipping_charge=shipping_charge,
            billing_address=billing_address,
            order_total=order_total,
            surcharges=surcharges,
            **order_kwargs,
        )
        self.freeze(basket)
        return order, reuse

    def freeze(self, basket) -> None:
        self.freeze_basket(basket)
        self.checkout_session.set_submitted_basket(basket)

    def place_order(self, *args, **kwargs):
        """The order starts as Pending payment with its stock allocated (under locks)."""
        try:
            order = super().place_order(*args, **kwargs)
        except ValueError as error:  # Oscar's refusal of a voucher no longer available
            basket = kwargs.get("basket")
            if basket is None or not basket.vouchers.exists():
                raise
            raise VoucherUsedUp(
                f"{error}. Please remove the voucher from your basket and place the order again."
            ) from error
        queue_low_stock_emails()  # the allocation may have taken a product below its threshold
        return order

    def get_message_context(self, order):
        context = super().get_message_context(order)
        context["vat_rows"] = order_vat_rows(order)
        return context


class ThankYouView(views.ThankYouView):
    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["vat_rows"] = order_vat_rows(context["order"])
        return context
