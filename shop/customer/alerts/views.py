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


def button_page(request, key: str, action: str) -> TemplateResponse:
    """The page an e-mailed link opens: what the button will do, and the button."""
    alert = get_object_or_404(ProductAlert, key=key)
    possible = alert.can_be_confirmed if action == "confirm" else alert.can_be_cancelled
    return TemplateResponse(
        request,
        "shop/customer/alerts/confirm_action.html",
        {"alert": alert, "action": action, "possible": possible},
    )


class ProductAlertConfirmView(oscar_views.ProductAlertConfirmView):
    def get(self, request, *args, **kwargs):
        return button_page(request, kwargs["key"], "confirm")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)  # Oscar's confirmation


class ProductAlertCancelView(oscar_views.ProductAlertCancelView):
    def get(self, request, *args, **kwargs):
        if "key" not in kwargs:  # the account's list cancels with its own button
            return redirect("customer:alerts-list")
        return button_page(request, kwargs["key"], "cancel")

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
