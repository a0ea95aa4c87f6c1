"""The Oscar shop application, with a real home page instead of Oscar's redirect and
rate-limited password resets."""

from django.urls import path
from oscar import config
from oscar.views.decorators import login_forbidden


class Shop(config.Shop):
    # Keeps the inherited name "oscar": get_class and Oscar's template tags rely on it.

    def get_urls(self):
        """Oscar's URLs with our home page, and password resets that are rate-limited."""
        from shop.customer.views import PasswordResetView
        from shop.storefront.views import HomeView

        ours = {
            "home": path("", HomeView.as_view(), name="home"),
            "password-reset": path(
                "password-reset/",
                login_forbidden(PasswordResetView.as_view(form_class=self.password_reset_form)),
                name="password-reset",
            ),
        }
        return [ours.get(getattr(url, "name", None), url) for url in super().get_urls()]
