"""Publishing an article from its editor with one button each: Save draft, Preview,
Publish now, Schedule… (and Unpublish or Archive once live), instead of a status
drop-down and a date and time to fill in.

The button pressed arrives as ``_action``; the form turns it into the article's status
and publish time before the article is validated (so the claims check and the model's
own rules see what the save would publish), and the admin answers with where to go next.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone

from blog.models import Article

DRAFT, PUBLISHED, ARCHIVED = Article.Status.DRAFT, Article.Status.PUBLISHED, Article.Status.ARCHIVED
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
        article, now, action = self.instance, timezone.now(), self.action
        if action in ("draft", "unpublish"):
            article.status = DRAFT
        elif action == "archive":
            article.status = ARCHIVED
        elif action == "publish":
            article.status = PUBLISHED
            if article.publish_at is None or article.publish_at > now:
                article.publish_at = now
        elif action == "schedule":
            when = cleaned.get("schedule_at")
            if when is None:
                self.add_error("schedule_at", "Choose the date and time to publish it.")
            elif when <= now:
                self.add_error("schedule_at", "Choose a time in the future, or Publish now.")
            else:
                article.status, article.publish_at = PUBLISHED, when


def state_words(article: Article) -> str:
    if article.pk is None or article.status == DRAFT:
        return "Draft: only staff can see it."
    if article.status == ARCHIVED:
        return "Archived: no longer on the site."
    when = formats.date_format(timezone.localtime(article.publish_at), "j M Y, H:i")
    if article.is_scheduled:
        return f"Scheduled: goes live on {when}."
    return f"Published on {when}."


DONE = {
    "draft": "was saved as a draft",
    "unpublish": "is back to a draft and off the site",
    "archive": "was archived",
    "publish": "is published",
}


def respond(request, article: Article, action: str):
    """Where the editor goes after a button: the preview, or back to the article."""
    if action == "preview":
        return redirect("blog:preview", pk=article.pk)
    if action == "schedule":
        messages.success(request, f"“{article}” {state_words(article).lower()}")
    else:
        messages.success(request, f"“{article}” {DONE.get(action, 'was saved')}.")
    return redirect(reverse("admin:blog_article_change", args=[article.pk]))
