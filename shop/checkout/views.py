"""Checkout fork: review and pay on one page, card payment through the gateway,
stock checked under locks before any money moves, and one order per basket
however often "Place order" is pressed."""

import logging

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from oscar.apps.checkout import views
from oscar.apps.payment.exceptions import UnableToTakePayment
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from shop.checkout import review
from shop.checkout.forms import CardForm
from shop.gateways import get_gateway
from shop.gateways.base import PaymentFailed
from shop.order import services
from shop.order.utils import InsufficientStock, reserve_stock
from shop.order.vat import basket_vat_rows, order_vat_rows
from shop.partner.stock import queue_low_stock_emails
from shop.shipping import rules
from shop.shipping.postcodes import PostcodeError
from shop.shipping.repository import zone_of_address

logger = logging.getLogger(__name__)

Basket = get_model("basket", "Basket")
Order = get_model("order", "Order")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")

PROCESSING_ERROR = (
    "We couldn't process your card: the card processor reported an error. No money was "
    "taken. Please try again in a moment, or use another card."
)


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


class ShippingMethodView(views.ShippingMethodView):
    def get(self, request, *args, **kwargs):
        """Say exactly why no method reaches the address (e.g. a Jersey postcode)."""
        address = self.get_shipping_address(request.basket)
        if address is not None:
            try:
                zone_of_address(address)
            except PostcodeError as error:
                messages.error(request, str(error))
                return redirect("checkout:shipping-address")
        return super().get(request, *args, **kwargs)


class PaymentDetailsView(views.PaymentDetailsView):
    """The order review with the card form under it; "Place order" pays and orders."""

    template_name = template_name_preview = "oscar/checkout/preview.html"

    def get(self, request, *args, **kwargs):
        if not self.preview:  # payment details live on the review page
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get("action") == "place_order":
            placed = self.order_already_placed(request)
            if placed is not None:
                return placed
        return super().dispatch(request, *args, **kwargs)

    # --- One order per basket, at the total the shopper reviewed ---

    def visitor_key(self) -> str:
        user = self.request.user
        if user.is_authenticated:
            return f"user:{user.pk}"
        if not self.request.session.session_key:
            self.request.session.save()
        return f"session:{self.request.session.session_key}"

    def order_already_placed(self, request):
        """A double click or a re-posted form: wait for the first submission to finish
        (the basket row lock), then show the order it placed instead of placing another."""
        reviewed = review.read_token(request.POST.get("basket_token", ""))
        if reviewed is None or reviewed.visitor != self.visitor_key():
            return None  # the normal path reports the problem
        basket = Basket.objects.select_for_update().filter(pk=reviewed.basket_id).first()
        if basket is None or basket.status == Basket.OPEN:
            return None
        order = Order.objects.filter(basket_id=reviewed.basket_id).first()
        if order is None:
            return None
        logger.info("Order #%s: repeated submission, showing the placed order", order.number)
        request.session["checkout_order_id"] = order.pk
        return redirect("checkout:thank-you")

    # --- The review page ---

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        basket = self.request.basket
        context.setdefault("card_form", CardForm())
        context["basket_token"] = review.token_for(context, visitor=self.visitor_key())
        context["gateway"] = get_gateway()
        if context.get("shipping_charge") is not None:
            context["vat_rows"] = basket_vat_rows(basket, context["shipping_charge"])
        method = context.get("shipping_method")
        if method is not None and hasattr(getattr(method, "method", method), "cutoff_time"):
            context["delivery_estimate"] = self.estimate(method, basket)
        return context

    def estimate(self, method, basket):
        return rules.estimate_for(
            getattr(method, "method", method),  # unwrap Oscar's shipping-offer wrapper
            request=self.request,
            no_weekend_transit=rules.basket_needs_weekday_transit(basket),
        )

    def render_preview(self, request, **kwargs):
        kwargs.pop("card", None)  # card details are never put back into a page
        return super().render_preview(request, **kwargs)

    def render_payment_details(self, request, **kwargs):
        return self.render_preview(request, **kwargs)

    # --- Placing the order ---

    def handle_place_order_submission(self, request):
        """Pay only for what the review page showed: same lines, delivery and total."""
        reviewed = review.read_token(request.POST.get("basket_token", ""))
        if (
            reviewed is None
            or reviewed.visitor != self.visitor_key()
            or reviewed.basket_id != request.basket.pk
        ):
            return self.render_preview(request, error=STALE_REVIEW)
        form = CardForm(request.POST)
        if not form.is_valid():
            return self.render_preview(
                request, card_form=form, error="Please check your card details below."
            )
        submission = self.build_submission()
        if review.fingerprint(submission) != reviewed.fingerprint:
            now = submission["order_total"]
            logger.info("Basket #%s changed after review; not charged", request.basket.pk)
            return self.render_preview(
                request,
                error=CHANGED_SINCE_REVIEW.format(
                    seen=currency(reviewed.total, now.currency),
                    now=currency(now.incl_tax, now.currency),
                ),
            )
        submission["payment_kwargs"]["card"] = form.card
        method = submission["shipping_method"]
        if method is not None and hasattr(getattr(method, "method", method), "cutoff_time"):
            estimate = self.estimate(method, submission["basket"])
            submission["order_kwargs"].update(
                dispatch_on=estimate.dispatch_on,
                deliver_from=estimate.earliest,
                deliver_by=estimate.latest,
            )
        return self.submit(**submission)

    def handle_payment(self, order_number, total, card=None, **kwargs):
        """Check stock under lock, then authorise the card; keep only brand and last four."""
        if Order.objects.filter(basket_id=self.request.basket.pk).exists():
            raise UnableToTakePayment("This basket has already been ordered: nothing was charged.")
        try:
            reserve_stock(self.request.basket)
        except InsufficientStock as error:
            raise UnableToTakePayment(str(error)) from None
        gateway = get_gateway()
        try:
            authorisation = gateway.authorise(
                amount=total.incl_tax, currency=total.currency, order_number=order_number, card=card
            )
        except PaymentFailed as error:
            logger.error("Order #%s: payment processing error: %s", order_number, error)
            raise UnableToTakePayment(PROCESSING_ERROR) from error
        source_type, _ = SourceType.objects.get_or_create(name=gateway.name)
        self.add_payment_source(
            Source(
                source_type=source_type,
                currency=total.currency,
                amount_allocated=total.incl_tax,
                amount_debited=total.incl_tax,
                reference=authorisation.reference,
                label=f"{authorisation.brand} ending {authorisation.last4}",
            )
        )
        self.authorisation = authorisation

    def handle_order_placement(self, *args, **kwargs):
        """Write the order in a savepoint; if that fails, give the money back."""
        try:
            with transaction.atomic():
                return super().handle_order_placement(*args, **kwargs)
        except Exception:
            authorisation = getattr(self, "authorisation", None)
            if authorisation is not None:
                get_gateway().void(reference=authorisation.reference)
                logger.error(
                    "Payment %s voided: the order could not be saved", authorisation.reference
                )
            raise

    def place_order(self, *args, **kwargs):
        """The order starts as Pending payment with its stock allocated; the
        gateway has already confirmed, so it moves straight on to Paid."""
        order = super().place_order(*args, **kwargs)
        authorisation = getattr(self, "authorisation", None)
        if authorisation is not None:
            services.mark_paid(
                order,
                amount=order.total_incl_tax,
                reference=authorisation.reference,
                source_name=get_gateway().name,
            )
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
