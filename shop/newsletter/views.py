"""The shopper's newsletter pages: sign up, confirm, unsubscribe, preferences.

Links in e-mails open a page with one button: mail scanners fetch every link,
so a GET never subscribes or unsubscribes anyone. The one exception to CSRF is
the unsubscribe POST, which mail providers send on the person's behalf (RFC
8058 one-click) with no cookie or token.
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView

from shop.core.http import safe_next_path
from shop.core.ratelimit import allow, client_ip, session_key
from shop.newsletter import services, tokens, wording
from shop.newsletter.forms import SignupForm
from shop.newsletter.models import ConsentRecord, Source, Subscriber

Outcome = services.Outcome
Status = Subscriber.Status

SIGNUPS_PER_HOUR = {"ip": 20, "session": 5}
THANKS = (
    "Thank you. Unless you're subscribed already, we've e-mailed you a link: your "
    "subscription starts when you click it."
)
TOO_MANY = "Too many sign-ups from here. Please wait an hour and try again."


class SignupView(FormView):
    """The footer form's target; shows the form on its own page for errors."""

    template_name = "newsletter/signup.html"
    form_class = SignupForm

    def get_initial(self):
        return {"next": safe_next_path(self.request, self.request.GET.get("next", ""), "/")}

    def form_valid(self, form):
        request = self.request
        limits = (
            (f"newsletter-signup:ip:{client_ip(request)}", SIGNUPS_PER_HOUR["ip"]),
            (f"newsletter-signup:s:{session_key(request)}", SIGNUPS_PER_HOUR["session"]),
        )
        if not all(allow(key, limit=limit, window_seconds=3600) for key, limit in limits):
            form.add_error(None, TOO_MANY)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        email = form.cleaned_data["email"]
        user = request.user if request.user.is_authenticated else None
        if user is not None and (user.email or "").lower() != email.lower():
            user = None  # someone else's address: never linked to this account
        services.request_signup(
            email=email, source=Source.FOOTER, wording=wording.FOOTER_SIGNUP, user=user
        )
        messages.success(request, THANKS)
        return redirect(safe_next_path(request, form.cleaned_data.get("next") or "", "/"))


class ConfirmView(View):
    """The double opt-in link: GET asks, POST confirms."""

    template_name = "newsletter/confirm.html"

    def dispatch(self, request, token):
        try:
            link = tokens.read_confirm(token)
        except tokens.BadToken as error:
            state = "expired" if error.expired else "invalid"
            return self.page(state=state, message=str(error), status=410 if error.expired else 400)
        self.record = (
            ConsentRecord.objects.select_related("subscriber")
            .filter(pk=link.request_id, action=ConsentRecord.Action.REQUESTED)
            .first()
        )
        if self.record is None or not link.is_for(self.record.subscriber.email):
            # The sign-up it answered is gone (the person's data was erased).
            return self.page(state="expired", message=tokens.EXPIRED, status=410)
        return super().dispatch(request, token)

    def page(self, *, state: str, status: int = 200, **context):
        context.update(state=state, wording=wording.CONFIRM_PAGE)
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request, token):
        subscriber = self.record.subscriber
        if subscriber.status == Status.CONFIRMED:
            return self.page(state="already", subscriber=subscriber)
        if subscriber.unsubscribed_at and self.record.at < subscriber.unsubscribed_at:
            return self.page(state="stale", subscriber=subscriber)
        return self.page(state="ask", subscriber=subscriber)

    def post(self, request, token):
        outcome = services.confirm(request=self.record, wording=wording.CONFIRM_PAGE)
        state = {Outcome.DONE: "done", Outcome.ALREADY: "already", Outcome.STALE: "stale"}
        return self.page(state=state[outcome], subscriber=self.record.subscriber)


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """The link in every marketing e-mail: GET asks, POST unsubscribes. CSRF-exempt
    (only this view) for RFC 8058 one-click POSTs from mail providers; a forged POST
    could only unsubscribe the person whose signed link it carries."""

    template_name = "newsletter/unsubscribe.html"

    def dispatch(self, request, token):
        try:
            link = tokens.read_unsubscribe(token)
        except tokens.BadToken as error:
            return self.page(state="invalid", message=str(error), status=400)
        self.subscriber = Subscriber.objects.filter(pk=link.subscriber_id).first()
        if self.subscriber is None:
            return self.page(state="gone")  # erased: on no list of ours any more
        if not link.is_for(self.subscriber.email):
            return self.page(state="invalid", message=tokens.TAMPERED, status=400)
        return super().dispatch(request, token)

    def page(self, *, state: str, status: int = 200, **context):
        context.update(state=state, wording=wording.UNSUBSCRIBE_PAGE)
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def get(self, request, token):
        if self.subscriber.status == Status.UNSUBSCRIBED:
            return self.page(state="already", subscriber=self.subscriber)
        return self.page(state="ask", subscriber=self.subscriber)

    def post(self, request, token):
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        outcome = services.unsubscribe(
            subscriber=self.subscriber,
            source=Source.EMAIL,
            wording=wording.ONE_CLICK_UNSUBSCRIBE if one_click else wording.UNSUBSCRIBE_PAGE,
        )
        state = "done" if outcome == Outcome.DONE else "already"
        return self.page(state=state, subscriber=self.subscriber)


def subscriber_of(user) -> Subscriber | None:
    """The row for the account's e-mail address, else one linked to the account."""
    found = list(Subscriber.objects.of_user(user)[:5])
    email = (user.email or "").lower()
    return next((s for s in found if s.email.lower() == email), found[0] if found else None)


class PreferencesView(LoginRequiredMixin, View):
    """A signed-in customer's newsletter status, with subscribe or unsubscribe buttons."""

    template_name = "newsletter/preferences.html"

    def get(self, request):
        context = {
            "subscriber": subscriber_of(request.user),
            "signup_wording": wording.ACCOUNT_SIGNUP,
            "unsubscribe_wording": wording.ACCOUNT_UNSUBSCRIBE,
            "page_title": "Newsletter",
            "active_tab": "newsletter",
        }
        return TemplateResponse(request, self.template_name, context)

    def post(self, request):
        action = request.POST.get("action", "")
        if action == "subscribe":
            self.subscribe(request)
        elif action == "unsubscribe":
            self.unsubscribe(request)
        else:
            messages.error(request, "Please choose Subscribe or Unsubscribe.")
        return redirect("newsletter:preferences")

    def subscribe(self, request) -> None:
        user = request.user
        try:
            subscriber = services.request_signup(
                email=user.email, source=Source.ACCOUNT, wording=wording.ACCOUNT_SIGNUP, user=user
            )
        except ValidationError:
            messages.error(
                request, "Your account's e-mail address isn't valid: please change it first."
            )
            return
        if subscriber.status == Status.CONFIRMED:
            messages.info(request, "You're already subscribed.")
        else:
            messages.success(
                request,
                f"We've e-mailed a link to {subscriber.email}: your subscription starts "
                "when you click it.",
            )

    def unsubscribe(self, request) -> None:
        rows = Subscriber.objects.of_user(request.user).exclude(status=Status.UNSUBSCRIBED)
        for subscriber in rows:
            services.unsubscribe(
                subscriber=subscriber, source=Source.ACCOUNT, wording=wording.ACCOUNT_UNSUBSCRIBE
            )
        messages.success(request, "You're unsubscribed: we won't send you marketing e-mails.")
