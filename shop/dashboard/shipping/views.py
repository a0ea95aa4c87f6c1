"""Shipping dashboard fork: create, edit and delete delivery methods and closures."""

from django.urls import reverse_lazy
from django.views import generic
from oscar.core.loading import get_model

from shop.core.edit_views import DeletedMessageMixin, SavedMessageMixin
from shop.dashboard.shipping.forms import ClosureForm, DeliveryMethodForm
from shop.workdays.models import Closure

DeliveryMethod = get_model("shipping", "OrderAndItemCharges")


class DeliveryMethodListView(generic.ListView):
    model = DeliveryMethod
    template_name = "shop/dashboard/shipping/delivery_method_list.html"
    context_object_name = "methods"


class DeliveryMethodCreateView(SavedMessageMixin, generic.CreateView):
    model = DeliveryMethod
    form_class = DeliveryMethodForm
    template_name = "shop/dashboard/shipping/delivery_method_form.html"
    success_url = reverse_lazy("dashboard:shipping-method-list")


class DeliveryMethodUpdateView(SavedMessageMixin, generic.UpdateView):
    model = DeliveryMethod
    form_class = DeliveryMethodForm
    template_name = "shop/dashboard/shipping/delivery_method_form.html"
    context_object_name = "method"
    success_url = reverse_lazy("dashboard:shipping-method-list")


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


class ClosureCreateView(SavedMessageMixin, generic.CreateView):
    model = Closure
    form_class = ClosureForm
    template_name = "shop/dashboard/shipping/closure_form.html"
    success_url = reverse_lazy("dashboard:shipping-closure-list")


class ClosureUpdateView(SavedMessageMixin, generic.UpdateView):
    model = Closure
    form_class = ClosureForm
    template_name = "shop/dashboard/shipping/closure_form.html"
    success_url = reverse_lazy("dashboard:shipping-closure-list")


class ClosureDeleteView(DeletedMessageMixin, generic.DeleteView):
    model = Closure
    template_name = "shop/dashboard/confirm_delete.html"
    success_url = reverse_lazy("dashboard:shipping-closure-list")
    extra_context = {"kind": "closure", "list_url": success_url}
