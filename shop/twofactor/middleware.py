"""With DEBUG off, every dashboard and admin view needs a session verified by a second factor."""

from django.conf import settings
from django.shortcuts import redirect
from django_otp import user_has_device

from shop.twofactor.devices import needs_two_factor
from shop.twofactor.views import step_url

# Signing in and out happens before (and after) the second factor.
OPEN_PATHS = ("/dashboard/login/", "/dashboard/logout/", "/admin/login/", "/admin/logout/")


def protected(path: str) -> bool:
    return path.startswith(("/dashboard/", "/admin/")) and not path.startswith(OPEN_PATHS)


class StaffTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: staff with a password-only session are sent to
    enrol (no authenticator yet) or to enter a code, then back where they were going."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            settings.SHOP_STAFF_TWO_FACTOR
            and protected(request.path_info)
            and needs_two_factor(user)
            and not user.is_verified()
        ):
            step = "twofactor:verify" if user_has_device(user) else "twofactor:setup"
            return redirect(step_url(step, request.get_full_path()))
        return self.get_response(request)
