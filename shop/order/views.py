"""Guests find their order by number and e-mail; nobody sees anyone else's.

A successful lookup remembers the order in the visitor's session. The status
page shows an order only to that session, its signed-in owner, or staff whose
role reads orders, and answers 404 otherwise, so it never confirms that an
order number exists.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, FormView
from oscar.core.loading import get_model

from shop.core.ratelimit import allow, client_ip, session_key
from shop.order.forms import OrderLookupForm
from shop.order.vat import order_vat_rows

Order = get_model("order", "Order")

SESSION_KEY = "looked_up_orders"
LOOKUPS_PER_HOUR = 10


def is_shoppers_order(request, order) -> bool:
    """The signed-in owner's order, or one this session found with the order lookup."""
    user = request.user
    if user.is_authenticated and order.user_id == user.pk:
        return True
    return order.pk in request.session.get(SESSION_KEY, [])


class OrderLookupView(FormView):
    template_name = "order/lookup.html"
    form_class = OrderLookupForm

    def form_valid(self, form):
        request = self.request
        limits = (
            f"order-lookup:ip:{client_ip(request)}",
            f"order-lookup:s:{session_key(request)}",
        )
        if not all(allow(key, limit=LOOKUPS_PER_HOUR, window_seconds=3600) for key in limits):
            form.add_error(None, "Too many attempts. Please wait an hour, or contact us for help.")
            return self.form_invalid(form)
        order = (
            Order.objects.filter(number=form.cleaned_data["number"]).select_related("user").first()
        )
        email = form.cleaned_data["email"].lower()
        # ".invalid" never belongs to anyone (RFC 2606): it is what erasure leaves on an order.
        if order is None or email.endswith(".invalid") or order.customer_email.lower() != email:
            form.add_error(None, "We couldn't find an order with that number and e-mail address.")
            return self.form_invalid(form)
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), order.pk][-20:]
        return redirect("order-status:detail", number=order.number)


class OrderStatusView(DetailView):
    template_name = "order/status.html"
    context_object_name = "order"

    def get_object(self, queryset=None):
        order = (
            Order.objects.filter(number=self.kwargs["number"])
            .select_related("shipping_address", "user")
            .prefetch_related("lines")
            .first()
        )
        if order is None or not self.may_view(order):
            raise Http404("No such order")
        return order

    def may_view(self, order) -> bool:
        # ...or staff whose role reads orders (not Marketing).
        return is_shoppers_order(self.request, order) or self.request.user.has_perm(
            "order.view_order"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["vat_rows"] = order_vat_rows(self.object)
        return context
