"""Cancellation requests for Customer service: the open ones first, each with its
lines, the refund owed and what staff did about it."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.views import generic
from django.views.decorators.http import require_POST

from shop.legal.models import CancellationRequest

Status = CancellationRequest.Status
TABS = [("open", "To handle"), ("all", "All")]


class UpdateForm(forms.ModelForm):
    class Meta:
        model = CancellationRequest
        fields = ["status", "staff_note"]
        widgets = {"staff_note": forms.Textarea(attrs={"rows": 3, "maxlength": 4000})}


class CancellationListView(generic.ListView):
    template_name = "shop/dashboard/legal/cancellation_list.html"
    context_object_name = "requests"
    paginate_by = 25

    def get_queryset(self):
        self.tab = self.request.GET.get("status", "open")
        if self.tab not in dict(TABS):
            self.tab = "open"
        requests = CancellationRequest.objects.for_list()
        if self.tab == "open":
            requests = requests.open()
        return requests.order_by("received_at", "pk") if self.tab == "open" else requests

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            tab=self.tab, tabs=TABS, open_count=CancellationRequest.objects.open().count()
        )
        return context


class CancellationDetailView(generic.DetailView):
    template_name = "shop/dashboard/legal/cancellation_detail.html"
    context_object_name = "cancellation"

    def get_queryset(self):
        return CancellationRequest.objects.for_list().select_related("order__shipping_address")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = kwargs.get("form") or UpdateForm(instance=self.object)
        context["may_handle"] = self.request.user.has_perm("legal.handle_cancellationrequest")
        return context


@require_POST
def update(request, pk: int):
    with transaction.atomic():
        cancellation = get_object_or_404(CancellationRequest.objects.select_for_update(), pk=pk)
        form = UpdateForm(request.POST, instance=cancellation)
        if not form.is_valid():
            view = CancellationDetailView(request=request, kwargs={"pk": pk})
            view.object = view.get_object()
            return view.render_to_response(view.get_context_data(form=form))
        cancellation = form.save(commit=False)
        cancellation.handled_by = request.user
        cancellation.save()
    messages.success(request, f"Saved: {cancellation.get_status_display()}.")
    return redirect("dashboard:cancellation-detail", pk=pk)
