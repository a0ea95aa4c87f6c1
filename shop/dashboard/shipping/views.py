"""Shipping dashboard fork: create, edit and delete delivery methods and closures."""

from django.urls import reverse_lazy
from django.views import generic
from oscar.core.loading import get_model

from shop.core.edit_views import DeletedMessageMixin, EditScreenMixin
from shop.dashboard.shipping.forms import ClosureForm, DeliveryMethodForm
from shop.workdays.models import Closure

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


class DeliveryMethodListView(generic.ListView):
    model = DeliveryMethod
    template_name = "shop/dashboard/shipping/delivery_method_list.html"
    context_object_name = "methods"


class DeliveryMethodFormMixin(EditScreenMixin):
    model = DeliveryMethod
    form_class = DeliveryMethodForm
    success_url = reverse_lazy("dashboard:shipping-method-list")
    kind, list_title = "delivery method", "Delivery methods"


class DeliveryMethodCreateView(DeliveryMethodFormMixin, generic.CreateView):
    pass


class DeliveryMethodUpdateView(DeliveryMethodFormMixin, generic.UpdateView):
    pass


class DeliveryMethodDeleteView(DeletedMessageMixin, generic.DeleteView):
    model = DeliveryMethod
    template_name = "shop/dashboard/confirm_delete.html"
    success_url = reverse_lazy("dashboard:shipping-method-list")
    extra_context = {"kind": "delivery method", "list_url": success_url}


class ClosureListView(generic.ListView):
    model = Closure
    template_name = "shop/dashboard/shipping/closure_list.html"
    context_object_name = "closures"
    paginate_by = 50


class ClosureFormMixin(EditScreenMixin):
    model = Closure
    form_class = ClosureForm
    success_url = reverse_lazy("dashboard:shipping-closure-list")
    kind, list_title = "closure", "Closure days"


class ClosureCreateView(ClosureFormMixin, generic.CreateView):
    pass


class ClosureUpdateView(ClosureFormMixin, generic.UpdateView):
    pass


class ClosureDeleteView(DeletedMessageMixin, generic.DeleteView):
    model = Closure
    template_name = "shop/dashboard/confirm_delete.html"
    success_url = reverse_lazy("dashboard:shipping-closure-list")
    extra_context = {"kind": "closure", "list_url": success_url}
