"""Account views, corrected where Oscar's change data on GET or answer 500, and limited
where each request sends an e-mail (password resets, registrations)."""

from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.views.generic import RedirectView, TemplateView
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

from shop.core.http import PostOnlyMixin
from shop.core.ratelimit import allow, client_ip

Order = get_model("order", "Order")


class LogoutView(oscar_views.LogoutView):
    """Sign out with a POST; a GET (an old bookmark, someone's link) asks first."""

    def get(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect(self.get_redirect_url())
        return TemplateView.as_view(template_name="shop/customer/logout_confirm.html")(request)

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)  # Oscar's sign-out


class AddressChangeStatusView(PostOnlyMixin, oscar_views.AddressChangeStatusView):
    """The address book's "Set as default" buttons."""

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class OrderHistoryView(oscar_views.OrderHistoryView):
    """ "Your orders", with each order's lines read in one query for the page (its item
    count sums them), not one query per order."""

    def get_queryset(self):
        return super().get_queryset().prefetch_related("lines")


class OrderLineView(oscar_views.OrderLineView):
    """The "Buy again" button for one line of the customer's own order (a POST).

    Oscar's view renders a template that does not exist on GET and lets a bad
    line id raise; a GET now goes to the order page and a stranger's order or
    line is 404.
    """

    def get(self, request, *args, **kwargs):
        return redirect("customer:order", order_number=kwargs["order_number"])

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])


class PasswordResetView(auth_views.PasswordResetView):
    """Oscar's reset form, limited per address and per e-mail: each request sends an
    e-mail, so unlimited resets let anyone flood an inbox or our mail quota."""

    template_name = "oscar/registration/password_reset_form.html"
    success_url = reverse_lazy("password-reset-done")
    PER_ADDRESS_PER_HOUR = 10
    PER_EMAIL_PER_HOUR = 3

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        within_limits = [
            allow(
                f"password-reset:ip:{client_ip(self.request)}",
                limit=self.PER_ADDRESS_PER_HOUR,
                window_seconds=3600,
            ),
            allow(
                f"password-reset:email:{email}", limit=self.PER_EMAIL_PER_HOUR, window_seconds=3600
            ),
        ]
        if not all(within_limits):
            form.add_error(
                None,
                "We have sent several reset e-mails already. Please check your inbox (and spam "
                "folder), or try again in an hour.",
            )
            return self.form_invalid(form)
        return super().form_valid(form)


REGISTRATION_LIMIT_MESSAGE = (
    "Several accounts have been opened from your connection in the last hour. "
    "Please try again later, or contact us if you need help."
)


def registration_allowed(request) -> bool:
    """Accounts opened per address per hour: each sends a welcome e-mail, and bulk
    sign-ups are how spam reviews and card testing start."""
    return allow(f"register:ip:{client_ip(request)}", limit=5, window_seconds=3600)


class AccountRegistrationView(oscar_views.AccountRegistrationView):
    def form_valid(self, form):
        if not registration_allowed(self.request):
            form.add_error(None, REGISTRATION_LIMIT_MESSAGE)
            return self.form_invalid(form)
        return super().form_valid(form)


class AccountAuthView(oscar_views.AccountAuthView):
    """The sign-in page's registration form, under the same limit."""

    def validate_registration_form(self):
        form = self.get_registration_form(bind_data=True)
        if form.is_valid() and not registration_allowed(self.request):
            form.add_error(None, REGISTRATION_LIMIT_MESSAGE)
            return self.render_to_response(self.get_context_data(registration_form=form))
        return super().validate_registration_form()


class ProfileDeleteView(RedirectView):
    """Oscar's "Delete profile" deleted the user row outright (a 500 for a subscriber, and
    names left on orders): account deletion is the privacy app's, which keeps orders for
    the tax records and replaces the person's details."""

    pattern_name = "privacy:delete"
    permanent = False
