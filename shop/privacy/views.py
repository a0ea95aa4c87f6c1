"""The customer's privacy page in their account: download a copy of their data, and
delete their account (password and a tick box; all or nothing, then signed out)."""

import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from shop.privacy import services
from shop.privacy.forms import DeleteAccountForm
from shop.privacy.labels import labelled
from shop.privacy.responses import json_attachment

logger = logging.getLogger(__name__)
FAILED = (
    "We could not delete your account just now, and nothing was changed. "
    "Please try again later, or e-mail us and we will do it for you."
)


class AccountPageMixin(LoginRequiredMixin):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(active_tab="privacy")
        return context


class PrivacyIndexView(AccountPageMixin, TemplateView):
    template_name = "privacy/account/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        data = services.export_data(user=user, email=user.email, account_only=True)
        context.update(
            page_title="Your data and privacy",
            held=[item for item in labelled(services.holdings(data)) if item[1]],
        )
        return context


@require_POST
@login_required
def export(request):
    user = request.user
    data = services.export_person(user=user, email=user.email, account_only=True)
    return json_attachment(data, "kepos-my-data")


class DeleteAccountView(AccountPageMixin, FormView):
    template_name = "privacy/account/delete.html"
    form_class = DeleteAccountForm
    extra_context = {"page_title": "Delete my account"}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        user = self.request.user
        try:
            summary = services.erase_person(user=user, email=user.email, account_only=True)
        except services.ErasureRefused as why:
            form.add_error(None, str(why))
            return self.form_invalid(form)
        except Exception:  # a section failed: rolled back; say so rather than a 500
            logger.exception("Account deletion failed for user %s", user.pk)
            form.add_error(None, FAILED)
            response = self.form_invalid(form)
            response.status_code = 503  # our fault, not the form's: try again later
            return response
        logout(self.request)
        kept = summary.orders_kept
        messages.success(
            self.request,
            "Your account and personal data have been deleted, and you are signed out."
            + (
                f" We keep your {kept} order{'s' if kept != 1 else ''} for the tax records, "
                "without your name or addresses."
                if kept
                else ""
            ),
        )
        return redirect("home")

    def form_invalid(self, form):
        response = super().form_invalid(form)
        response.status_code = 400
        return response
