"""Publishing from an editor with one button each: Save draft, Preview, Publish now,
Schedule… (and Unpublish or Archive once live), instead of a status drop-down and a
date and time to fill in. Articles and landing pages share it: both have a ``status``
of draft, published or archived and a ``publish_at`` time.

The button pressed arrives as ``_action``; the form turns it into the status and publish
time before the object is validated (so the claims check and the model's own rules see
what the save would publish), and the admin answers with where to go next.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone

DRAFT, PUBLISHED, ARCHIVED = "draft", "published", "archived"
ACTIONS = ("draft", "preview", "publish", "schedule", "unpublish", "archive")


class PublishingFormMixin(forms.Form):
    schedule_at = forms.DateTimeField(
        label="Publish at",
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text="UK time.",
    )

    @property
    def action(self) -> str:
        action = self.data.get("_action", "")
        return action if action in ACTIONS else ""

    def apply_action(self, cleaned: dict) -> None:
        """Set the status and publish time the pressed button asks for."""
        item, now, action = self.instance, timezone.now(), self.action
        if action in ("draft", "unpublish"):
            item.status = DRAFT
        elif action == "archive":
            item.status = ARCHIVED
        elif action == "publish":
            item.status = PUBLISHED
            if item.publish_at is None or item.publish_at > now:
                item.publish_at = now
        elif action == "schedule":
            when = cleaned.get("schedule_at")
            if when is None:
                self.add_error("schedule_at", "Choose the date and time to publish it.")
            elif when <= now:
                self.add_error("schedule_at", "Choose a time in the future, or Publish now.")
            else:
                item.status, item.publish_at = PUBLISHED, when


def state_words(item) -> str:
    if item.pk is None or item.status == DRAFT:
        return "Draft: only staff can see it."
    if item.status == ARCHIVED:
        return "Archived: no longer on the site."
    when = formats.date_format(timezone.localtime(item.publish_at), "j M Y, H:i")
    if item.is_scheduled:
        return f"Scheduled: goes live on {when}."
    return f"Published on {when}."


def editor_context(item) -> dict:
    """What the publish bar (admin/publish_bar.html) shows."""
    return {"publish_state": state_words(item), "is_live": bool(item.pk) and item.status != DRAFT}


DONE = {
    "draft": "was saved as a draft",
    "unpublish": "is back to a draft and off the site",
    "archive": "was archived",
    "publish": "is published",
}


def respond(request, item, action: str, preview_url: str):
    """Where the editor goes after a button: the preview, or back to the editor."""
    if action == "preview":
        return redirect(preview_url)
    if action == "schedule":
        messages.success(request, f"“{item}” {state_words(item).lower()}")
    else:
        messages.success(request, f"“{item}” {DONE.get(action, 'was saved')}.")
    opts = item._meta
    return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]))


class PublishingAdminMixin:
    """The admin half: the publish bar's context and the answer to each button.
    The admin's ``view_on_site`` gives the preview address."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context.update(editor_context(obj or context["adminform"].form.instance))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        action = request.POST.get("_action")
        if action in ACTIONS:
            return respond(request, obj, action, self.view_on_site(obj))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        action = request.POST.get("_action")
        if action in ACTIONS:
            return respond(request, obj, action, self.view_on_site(obj))
        return super().response_change(request, obj)
