"""The subscriber's pages: their subscriptions, and skip, pause, resume, change and
cancel, each a confirming POST; the card and address; paying a delivery the bank
wants confirmed; and the reminder e-mail's signed links (no sign-in needed)."""

import logging

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import ListView
from oscar.core.loading import get_model

from shop.gateways import get_gateway
from shop.gateways.base import PaymentDeclined, PaymentFailed
from shop.gateways.forms import CardForm
from shop.payments import saved_cards
from shop.subscriptions import links, ordering, renewals, services
from shop.subscriptions.forms import AddressForm, ChangeForm, SavedCardForm
from shop.subscriptions.models import Subscription

logger = logging.getLogger(__name__)

ShippingAddress = get_model("order", "ShippingAddress")
Status = Subscription.Status

DONE = {
    "skip": "Done: that delivery is skipped. Your next delivery is on {date}.",
    "pause": "Your subscription is paused. Nothing will be sent or charged until you resume it.",
    "resume": "Your subscription is active again. Your next delivery is on {date}.",
    "cancel": "Your subscription is cancelled. Nothing more will be sent or charged.",
}
ACTIONS = {
    "skip": services.skip_next,
    "pause": services.pause,
    "resume": services.resume,
    "cancel": services.cancel,
}


def subscriptions_shown():
    """Subscriptions with what their pages show and price (product, stock, card, address)."""
    return Subscription.objects.select_related(
        "product__product_class", "product__parent__product_class", "card", "address"
    ).prefetch_related("product__stockrecords")


def when(day) -> str:
    return f"{day:%A} {day.day} {day:%B}"


class SubscriptionListView(LoginRequiredMixin, ListView):
    template_name = "subscriptions/account/list.html"
    context_object_name = "subscriptions"

    def get_queryset(self):
        return (
            subscriptions_shown()
            .filter(user=self.request.user)
            .order_by("status", "next_date", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        strategy = self.request.strategy
        methods = ordering.offered_methods(self.request)
        for subscription in context["subscriptions"]:
            subscription.preview = ordering.preview(
                subscription, strategy=strategy, methods=methods
            )
        context.update(page_title="Subscriptions", active_tab="subscriptions")
        return context


class OwnSubscriptionMixin(LoginRequiredMixin):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.subscription = get_object_or_404(
            subscriptions_shown(),
            pk=kwargs["pk"],
            user=request.user,
        )
        return super().dispatch(request, *args, **kwargs)

    def render(self, template: str, **context):
        context.update(
            subscription=self.subscription,
            page_title=f"Subscription: {self.subscription.product.get_title()}",
            active_tab="subscriptions",
        )
        return TemplateResponse(self.request, f"subscriptions/account/{template}", context)

    def back(self):
        return redirect("subscriptions:detail", pk=self.subscription.pk)


class SubscriptionDetailView(OwnSubscriptionMixin, View):
    def get(self, request, pk):
        self.subscription.preview = ordering.preview(self.subscription, strategy=request.strategy)
        events = self.subscription.events.select_related("actor")[:20]
        return self.render("detail.html", events=events)


class ActionView(OwnSubscriptionMixin, View):
    """GET asks (one button); POST does it. Cancel has no second question."""

    action = ""

    def get(self, request, pk):
        return self.render("confirm.html", action=self.action)

    def post(self, request, pk):
        try:
            done = ACTIONS[self.action](self.subscription, actor=request.user)
        except services.NotAllowed as why:
            messages.error(request, str(why))
            return self.back()
        messages.success(request, DONE[self.action].format(date=when(done.next_date)))
        return self.back()


class ChangeView(OwnSubscriptionMixin, View):
    def get(self, request, pk):
        return self.render("change.html", form=ChangeForm(self.subscription))

    def post(self, request, pk):
        form = ChangeForm(self.subscription, request.POST)
        if not form.is_valid():
            return self.render("change.html", form=form)
        try:
            services.change(self.subscription, actor=request.user, **form.changes())
        except services.NotAllowed as why:
            messages.error(request, str(why))
        else:
            messages.success(request, "Saved. Your next delivery follows these changes.")
        return self.back()


class AddressView(OwnSubscriptionMixin, View):
    def get(self, request, pk):
        return self.render("address.html", form=AddressForm(request.user))

    def post(self, request, pk):
        form = AddressForm(request.user, request.POST)
        if not form.is_valid():
            return self.render("address.html", form=form)
        chosen = form.cleaned_data["address"]
        with transaction.atomic():
            copy = ShippingAddress()
            chosen.populate_alternative_model(copy)
            copy.save()
            services.change(self.subscription, actor=request.user, address=copy)
        messages.success(request, f"Your deliveries now go to {chosen.summary}.")
        return self.back()


class CardView(OwnSubscriptionMixin, View):
    """Choose a saved card, or save a new one (gateways whose card form is ours)."""

    def forms(self, data=None, which=None):
        gateway = get_gateway()
        saved = SavedCardForm(self.request.user, gateway.code, data if which == "saved" else None)
        new = CardForm(data if which == "new" else None) if gateway.collects_card_details else None
        return saved, new

    def get(self, request, pk):
        saved, new = self.forms()
        return self.render("card.html", saved_form=saved, card_form=new)

    def render(self, template: str, **context):
        context["gateway"] = get_gateway()
        return super().render(template, **context)

    def post(self, request, pk):
        if request.POST.get("use") == "provider":
            return self.to_provider()
        which = "new" if request.POST.get("use") == "new" else "saved"
        saved, new = self.forms(request.POST, which)
        if which == "saved":
            if not saved.is_valid():
                return self.render("card.html", saved_form=saved, card_form=new)
            card = saved.cleaned_data["card"]
        else:
            if new is None or not new.is_valid():
                return self.render("card.html", saved_form=saved, card_form=new)
            try:
                card = saved_cards.save_card(request.user, new.card)
            except PaymentDeclined as error:
                new.add_error("number", str(error))
                return self.render("card.html", saved_form=saved, card_form=new)
            except PaymentFailed as error:
                logger.error("Saving a card for %s failed: %s", request.user.pk, error)
                messages.error(request, "We couldn't save your card just now. Please try again.")
                return self.render("card.html", saved_form=saved, card_form=new)
        return self.use(card)

    def use(self, card):
        services.change(self.subscription, actor=self.request.user, card=card)
        messages.success(self.request, f"Your deliveries are now charged to your {card.label}.")
        return self.back()

    def to_provider(self):
        """Gateways without our card form: their own page takes and saves the card."""
        pk = self.subscription.pk
        build = self.request.build_absolute_uri
        try:
            url = saved_cards.start_setup(
                self.request.user,
                return_url=build(reverse("subscriptions:card-return", args=[pk])),
                cancel_url=build(reverse("subscriptions:card", args=[pk])),
            )
        except PaymentFailed as error:
            logger.error("Subscription #%s: starting a card setup failed: %s", pk, error)
            messages.error(self.request, "We couldn't reach the card processor. Please try again.")
            return self.back()
        return redirect(url)


class CardReturnView(CardView):
    """Back from the gateway's card page with the setup to read (never trusted as is:
    the gateway is asked, and the card must be this customer's)."""

    def get(self, request, pk):
        reference = request.GET.get("setup", "")
        if not reference or len(reference) > 255:
            return redirect("subscriptions:card", pk=pk)
        try:
            card = saved_cards.finish_setup(request.user, reference)
        except PaymentFailed as error:
            logger.warning("Subscription #%s: card setup %s refused: %s", pk, reference, error)
            messages.error(request, "We couldn't save that card. Please try again.")
            return redirect("subscriptions:card", pk=pk)
        return self.use(card)

    def post(self, request, pk):
        return redirect("subscriptions:card", pk=pk)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PayView(OwnSubscriptionMixin, View):
    """Pay a delivery the bank would not take without the customer (strong customer
    authentication): with them here, the saved card, and the bank's page if it asks."""

    def get(self, request, pk):
        preview = ordering.preview(self.subscription, strategy=request.strategy)
        return self.render("pay.html", preview=preview)

    def post(self, request, pk):
        return_url = request.build_absolute_uri(reverse("subscriptions:pay-return", args=[pk]))
        try:
            intent = renewals.pay_now(self.subscription, return_url=return_url)
        except renewals.NothingToPay as why:
            messages.info(request, str(why))
            return self.back()
        except PaymentFailed as error:
            logger.error("Subscription #%s: paying now failed: %s", pk, error)
            messages.error(request, "We couldn't reach the card processor. Please try again.")
            return self.back()
        if intent.next_action_url:
            return redirect(intent.next_action_url)
        return self.outcome(intent)

    def outcome(self, intent):
        if intent.succeeded:
            messages.success(self.request, "Thank you: paid. Your delivery is on its way.")
        else:
            messages.error(
                self.request,
                (intent.failure_message or "The payment was not made.")
                + " Nothing was charged. You can try again or use another card.",
            )
        return self.back()


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PayReturnView(PayView):
    def get(self, request, pk):
        try:
            intent = renewals.finish_payment(self.subscription)
        except PaymentFailed as error:
            logger.error("Subscription #%s: reading the payment failed: %s", pk, error)
            messages.error(request, "We couldn't confirm your payment yet. Please check back soon.")
            return self.back()
        if intent is None:
            return self.back()
        return self.outcome(intent)

    def post(self, request, pk):
        return self.get(request, pk)


class EmailLinkView(View):
    """A reminder's skip or cancel link: one confirming button, no sign-in. It does
    only that, only for the delivery it was sent about."""

    action = ""

    def dispatch(self, request, token):
        try:
            self.link = links.read(token, self.action)
        except links.BadLink as error:
            return TemplateResponse(
                request, "subscriptions/email_link.html", {"error": str(error)}, status=400
            )
        self.subscription = get_object_or_404(
            Subscription.objects.select_related("product", "user"), pk=self.link.subscription_id
        )
        return super().dispatch(request, token)

    def stale(self) -> str:
        s = self.subscription
        if s.status == Status.CANCELLED:
            return "This subscription is already cancelled."
        if self.action == "skip" and s.next_date != self.link.due_date:
            return f"The delivery of {when(self.link.due_date)} has already been skipped or sent."
        return ""

    def page(self, **context):
        context.update(subscription=self.subscription, action=self.action, link=self.link)
        return TemplateResponse(self.request, "subscriptions/email_link.html", context)

    def get(self, request, token):
        return self.page(error=self.stale())

    def post(self, request, token):
        if self.stale():
            return self.page(error=self.stale())
        try:
            if self.action == "skip":
                done = services.skip_next(self.subscription, due_date=self.link.due_date)
            else:
                done = services.cancel(self.subscription, note="From the reminder e-mail.")
        except services.NotAllowed as why:
            return self.page(error=str(why))
        return self.page(done=DONE[self.action].format(date=when(done.next_date)))
