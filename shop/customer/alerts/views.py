"""Stock alerts: confirming or cancelling one is a POST.

The links in alert e-mails open a page with the button, so a mail scanner or
a stranger's link cannot confirm or cancel someone's alert by loading a URL.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from oscar.apps.customer.alerts import views as oscar_views
from oscar.core.loading import get_model

ProductAlert = get_model("customer", "ProductAlert")


class ProductAlertConfirmView(oscar_views.ProductAlertConfirmView):
    def get(self, request, *args, **kwargs):
        alert = get_object_or_404(ProductAlert, key=kwargs["key"])
        return TemplateResponse(
            request,
            "oscar/customer/alerts/confirm_action.html",
            {"alert": alert, "action": "confirm", "possible": alert.can_be_confirmed},
        )

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)  # Oscar's confirmation


class ProductAlertCancelView(oscar_views.ProductAlertCancelView):
    def get(self, request, *args, **kwargs):
        if "key" not in kwargs:  # the account's list cancels with its own button
            return redirect("customer:alerts-list")
        alert = get_object_or_404(ProductAlert, key=kwargs["key"])
        return TemplateResponse(
            request,
            "oscar/customer/alerts/confirm_action.html",
            {"alert": alert, "action": "cancel", "possible": alert.can_be_cancelled},
        )

    def post(self, request, *args, **kwargs):
        if "key" not in kwargs and not request.user.is_authenticated:
            raise Http404
        return super().get(request, *args, **kwargs)  # Oscar's cancellation

    def get_redirect_url(self, *args, **kwargs):
        """``next`` only when it points at this site (Oscar followed any address)."""
        target = self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return self.alert.product.get_absolute_url()
