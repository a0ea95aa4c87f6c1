"""Subscriptions for staff: find one (by status, customer or product), see its
renewals and history, and skip, pause, resume or cancel on the customer's behalf
with a note; Managers see the figures."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views import generic
from django.views.decorators.http import require_POST

from shop.subscriptions import figures as subscription_figures
from shop.subscriptions import services
from shop.subscriptions.forms import StaffActionForm
from shop.subscriptions.models import Subscription

Status = Subscription.Status
TABS = [("all", "All")] + [(value, label) for value, label in Status.choices]
ACTIONS = {
    "skip": services.skip_next,
    "pause": services.pause,
    "resume": services.resume,
    "cancel": services.cancel,
}
DONE = {"skip": "Skipped the next delivery", "pause": "Paused", "resume": "Resumed",
        "cancel": "Cancelled"}  # fmt: skip


def search(queryset, words: str):
    """By the customer's e-mail or name, the product, or the subscription's number."""
    for word in words.split()[:5]:
        match = (
            Q(user__email__icontains=word)
            | Q(user__first_name__icontains=word)
            | Q(user__last_name__icontains=word)
            | Q(product__title__icontains=word)
            | Q(address__postcode__icontains=word)
        )
        if word.lstrip("#").isdigit() and len(word) < 12:
            match |= Q(pk=int(word.lstrip("#")))
        queryset = queryset.filter(match)
    return queryset


class SubscriptionListView(generic.ListView):
    template_name = "shop/dashboard/subscriptions/list.html"
    context_object_name = "subscriptions"
    paginate_by = 25

    def get_queryset(self):
        self.tab = self.request.GET.get("status", "all")
        if self.tab not in dict(TABS):
            self.tab = "all"
        self.query = self.request.GET.get("q", "").strip()[:200]
        subscriptions = Subscription.objects.select_related("user", "product", "address")
        if self.tab != "all":
            subscriptions = subscriptions.filter(status=self.tab)
        return search(subscriptions, self.query).order_by("next_date", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = subscription_figures.status_counts()
        counts["all"] = sum(counts.values())
        context.update(
            tab=self.tab,
            query=self.query,
            tabs=[(key, label, counts[key]) for key, label in TABS],
        )
        return context


class SubscriptionDetailView(generic.DetailView):
    template_name = "shop/dashboard/subscriptions/detail.html"
    context_object_name = "subscription"
    queryset = Subscription.objects.select_related("user", "product", "address", "card")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            renewals=self.object.renewals.select_related("order")[:12],
            events=self.object.events.select_related("actor")[:30],
            form=kwargs.get("form") or StaffActionForm(),
        )
        return context


@require_POST
def act(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    form = StaffActionForm(request.POST)
    if not form.is_valid():
        view = SubscriptionDetailView(request=request, kwargs={"pk": pk}, object=subscription)
        return TemplateResponse(
            request, view.template_name, view.get_context_data(form=form), status=400
        )
    action = form.cleaned_data["action"]
    try:
        ACTIONS[action](
            subscription, actor=request.user, note=form.cleaned_data["note"], by_staff=True
        )
    except services.NotAllowed as why:
        messages.error(request, str(why))
    else:
        messages.success(request, f"{DONE[action]}, with your note.")
    return redirect("dashboard:subscription-detail", pk=pk)


def figures(request):
    return TemplateResponse(
        request,
        "shop/dashboard/subscriptions/figures.html",
        {
            "counts": subscription_figures.status_counts(),
            "mrr": subscription_figures.monthly_recurring_revenue(),
            "months": subscription_figures.by_month(),
        },
    )
