"""Account views, corrected where Oscar's change data on GET or answer 500."""

from django.shortcuts import get_object_or_404, redirect
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

Order = get_model("order", "Order")


class OrderLineView(oscar_views.OrderLineView):
    """ "Buy again" for one line of the customer's own order: a POST from the order page.

    Oscar's view renders a template that does not exist on GET and lets a bad
    line id raise; a GET now goes to the order page and a stranger's order or
    line is 404.
    """

    def get(self, request, *args, **kwargs):
        return redirect("customer:order", order_number=kwargs["order_number"])

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])
