"""Enrolling an authenticator app, entering a code, and recovery codes.

The secret being enrolled waits in the session until the person proves they
have it (GET writes nothing else); a person who already has an authenticator
replaces it only from a verified session, so a stolen password alone cannot
enrol the thief's phone.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import FormView, TemplateView
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice

from shop.twofactor import devices
from shop.twofactor.forms import CodeForm, EnrolForm

PENDING_SECRET = "twofactor_pending_secret"  # noqa: S105 (a session key, not a secret)
NEW_CODES = "twofactor_new_codes"


def step_url(step: str, next_url: str) -> str:
    """The two-factor step ``step`` (a URL name), returning to ``next_url`` afterwards."""
    return f"{reverse(step)}?{urlencode({'next': next_url})}"


class NextMixin:
    def next_url(self) -> str:
        target = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return target
        return reverse("dashboard:index")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "next": self.next_url()}


class SetupView(LoginRequiredMixin, NextMixin, FormView):
    template_name = "twofactor/setup.html"
    form_class = EnrolForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user_has_device(user) and not user.is_verified():
            return redirect(step_url("twofactor:verify", reverse("twofactor:setup")))
        return super().dispatch(request, *args, **kwargs)

    def secret(self) -> str:
        if PENDING_SECRET not in self.request.session:
            self.request.session[PENDING_SECRET] = devices.new_secret()
        return self.request.session[PENDING_SECRET]

    def get_context_data(self, **kwargs):
        secret = self.secret()
        uri = devices.provisioning_uri(self.request.user, secret)
        return {
            **super().get_context_data(**kwargs),
            "qr_code": devices.qr_code(uri),
            "secret": " ".join(devices.base32(secret)[i : i + 4] for i in range(0, 32, 4)),
            "replacing": user_has_device(self.request.user),
        }

    def form_valid(self, form):
        secret = self.secret()
        if not devices.code_matches(secret, form.cleaned_data["code"]):
            form.add_error(
                "code",
                "That code did not match. Check that your phone's clock is set automatically, "
                "and enter the code the app shows now.",
            )
            return self.form_invalid(form)
        device, codes = devices.enrol(self.request.user, secret)
        del self.request.session[PENDING_SECRET]
        otp_login(self.request, device)
        self.request.session[NEW_CODES] = codes
        return redirect(step_url("twofactor:recovery-codes", self.next_url()))


class VerifyView(LoginRequiredMixin, NextMixin, FormView):
    template_name = "twofactor/verify.html"
    form_class = CodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not user_has_device(request.user):
            return redirect(step_url("twofactor:setup", self.next_url()))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        # django-otp throttles each device: after a wrong code, the next try waits
        # 1, 2, 4... seconds, whatever the code.
        device = match_token(self.request.user, form.cleaned_data["code"])
        if device is None:
            form.add_error(
                "code",
                "That code did not work. Enter the code your app shows now (wait a few "
                "seconds after a wrong one), or a recovery code.",
            )
            return self.form_invalid(form)
        otp_login(self.request, device)
        if isinstance(device, StaticDevice):
            left = devices.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                f"You signed in with a recovery code; {left} left. Make new ones, or set up "
                "your authenticator again, from the two-factor page.",
            )
        return redirect(self.next_url())


class RecoveryCodesView(LoginRequiredMixin, NextMixin, TemplateView):
    """New codes are shown once, straight after they are made; POST makes new ones."""

    template_name = "twofactor/recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_verified():
            return redirect(step_url("twofactor:verify", request.path))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "codes": self.request.session.pop(NEW_CODES, None),
            "left": devices.recovery_codes_left(self.request.user),
        }

    def post(self, request, *args, **kwargs):
        request.session[NEW_CODES] = devices.new_recovery_codes(request.user)
        return redirect(request.path)
