"""The legal pages, the cookie choice, the model cancellation form and the shopper's
online cancellation request."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, FormView, TemplateView
from oscar.core.loading import get_model

from shop.core.http import safe_next_path
from shop.legal import cancellation, consent, notices
from shop.legal.forms import CancellationRequestForm
from shop.legal.models import CancellationRequest, LegalPage, StorageItem
from shop.order.views import is_shoppers_order

Order = get_model("order", "Order")


class LegalPageView(DetailView):
    """A legal page at its current version, with the live data its kind lists."""

    template_name = "legal/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return LegalPage.objects.published().select_related("current__page")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.object
        context["version"] = page.current
        if page.kind == LegalPage.Kind.COOKIES:
            context["storage_items"] = list(StorageItem.objects.in_order())
        elif page.kind == LegalPage.Kind.RETURNS:
            context["product_types"] = cancellation.product_types()
        elif page.kind == LegalPage.Kind.PRIVACY:
            context["retention"] = retention_periods()
        return context


def retention_periods() -> list[tuple[str, str]]:
    """How long we keep each kind of personal data, from the settings that enforce it."""
    session_days = settings.SESSION_COOKIE_AGE // (24 * 3600)
    return [
        ("Orders and invoices", "6 years after the end of the tax year (HMRC records)"),
        ("Live chat conversations", f"{settings.SHOP_CHAT_RETENTION_DAYS} days after it ends"),
        ("Signed-in sessions", f"{session_days} days after your last visit"),
        ("Baskets not turned into an order", f"{settings.SHOP_BASKET_RETENTION_DAYS} days"),
        ("Copies of e-mails we sent you", f"{settings.SHOP_OUTBOX_RETENTION_DAYS} days"),
        ("Your account", "Until you delete it, or ask us to"),
    ]


@require_POST
def cookie_choice(request):
    """Accept or reject optional cookies; works with and without JavaScript."""
    choice = {"accept": consent.ACCEPTED, "reject": consent.REJECTED}.get(
        request.POST.get("choice", "")
    )
    target = safe_next_path(
        request,
        request.POST.get("next") or request.GET.get("next") or "",
        fallback=reverse("legal:page", kwargs={"slug": "cookies"}),
    )
    wants_json = "application/json" in request.headers.get("Accept", "")
    if choice is None:
        if wants_json:
            return JsonResponse({"message": "Please choose Accept or Reject."}, status=400)
        messages.error(request, "Please choose Accept or Reject.")
        return HttpResponseRedirect(target)
    text = f"You've {choice} optional cookies. You can change this at any time in Cookie settings."
    if wants_json:
        response = JsonResponse({"choice": choice, "message": text})
    else:
        messages.success(request, text)
        response = HttpResponseRedirect(target)
    consent.remember(response, choice)
    return response


class ModelCancellationFormView(TemplateView):
    """The model cancellation form (Schedule 3, Part B of the Regulations), to print
    or copy into an e-mail."""

    template_name = "legal/model_cancellation_form.html"


class CancelOrderView(FormView):
    """A shopper gives notice that they cancel some or all of an order's lines."""

    template_name = "legal/cancel_order.html"
    form_class = CancellationRequestForm

    def dispatch(self, request, *args, **kwargs):
        order = get_object_or_404(
            Order.objects.select_related("shipping_address", "user").prefetch_related(
                cancellation.prefetch_lines()
            ),
            number=kwargs["number"],
        )
        if not is_shoppers_order(request, order):  # staff record cancellations elsewhere
            raise Http404("No such order")
        self.order = order
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "order": self.order}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["order"] = self.order
        context["rights"] = list(context["form"].rights.values())
        context["open_requests"] = cancellation.active_requests(self.order).prefetch_related(
            "lines"
        )
        return context

    def form_valid(self, form):
        lines = form.cleaned_data["lines"]
        with transaction.atomic():
            # One request at a time per order: two tabs cannot cancel the same line twice.
            Order.objects.select_for_update().filter(pk=self.order.pk).values_list("pk").first()
            earlier = cancellation.lines_requested(self.order)
            if any(line.pk in earlier for line in lines):
                form.add_error("lines", "You have already asked to cancel some of these items.")
                return self.form_invalid(form)
            goods, delivery = cancellation.refund_for(
                self.order,
                lines,
                earlier_lines=earlier,
                delivery_refunded=cancellation.active_requests(self.order)
                .filter(refund_delivery__gt=0)
                .exists(),
            )
            request = CancellationRequest.objects.create(
                order=self.order,
                name=form.cleaned_data["name"],
                email=self.order.customer_email,
                reason=form.cleaned_data["reason"],
                seals_unbroken=form.cleaned_data.get("seals_unbroken", False),
                refund_goods=goods,
                refund_delivery=delivery,
            )
            request.lines.set(lines)
            notices.acknowledge(request)
        messages.success(
            self.request,
            "We've received your cancellation and e-mailed you a confirmation. "
            "We'll be in touch about returning anything already delivered.",
        )
        return redirect(self.order_page())

    def order_page(self) -> str:
        user = self.request.user
        if user.is_authenticated and self.order.user_id == user.pk:
            return reverse("customer:order", kwargs={"order_number": self.order.number})
        return reverse("order-status:detail", kwargs={"number": self.order.number})
