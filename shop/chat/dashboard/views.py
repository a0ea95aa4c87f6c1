"""The chat inbox for Customer service: tabs, unread counts, replies, canned replies, hours.

Unread counts come from the database (``staff_read_up_to`` against message
ids), so every app server agrees on them. Opening a conversation marks it
read; new visitor messages arrive by the same htmx poll the widget uses.
"""

from django.contrib import messages
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.views import generic
from django.views.decorators.http import require_GET, require_POST

from shop.chat import services
from shop.chat.forms import (
    CannedReplyForm,
    OpeningHoursFormSet,
    StaffReplyForm,
    hours_initial,
)
from shop.chat.hours import ChatSchedule, hours_text
from shop.chat.models import CannedReply, Conversation, Message, OpeningHours
from shop.chat.polling import poll_context, poll_delay
from shop.core.edit_views import DeletedMessageMixin, EditScreenMixin

TABS = {
    "waiting": ("Waiting for a reply", lambda qs, user: qs.waiting()),
    "mine": ("Mine", lambda qs, user: qs.assigned_to(user)),
    "open": ("All open", lambda qs, user: qs.open()),
    "resolved": ("Resolved", lambda qs, user: qs.resolved()),
}


class InboxView(generic.ListView):
    template_name = "shop/dashboard/chat/inbox.html"
    context_object_name = "conversations"
    paginate_by = 25

    def get(self, request, *args, **kwargs):
        self.tab = request.GET.get("tab", "waiting")
        if self.tab not in TABS:
            self.tab = "waiting"
        self.counts = Conversation.objects.tab_counts(request.user)
        return super().get(request, *args, **kwargs)

    def get_paginator(self, queryset, per_page, **kwargs):
        """The tab's size is already counted: no second count over the annotated rows."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        paginator.count = self.counts[self.tab]
        return paginator

    def get_queryset(self):
        last_message = Message.objects.filter(conversation=OuterRef("pk")).order_by("-pk")
        conversations = (
            Conversation.objects.with_unread()
            .select_related("assigned_to")
            .annotate(last_body=Subquery(last_message.values("body")[:1]))
        )
        return TABS[self.tab][1](conversations, self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = self.counts
        context.update(
            tabs=[(key, label, counts[key]) for key, (label, _) in TABS.items()],
            unread=counts["unread"],
            tab=self.tab,
            status=ChatSchedule.current(self.request).status(),
        )
        return context


def _conversation(pk) -> Conversation:
    return get_object_or_404(Conversation.objects.select_related("assigned_to", "user"), pk=pk)


def conversation_page(request, conversation: Conversation, form=None, status: int = 200):
    """The conversation with its reply box; opening it marks everything read."""
    history = list(conversation.messages.select_related("author"))
    if history:
        services.mark_read(conversation, history[-1].pk)
    context = {
        "conversation": conversation,
        "chat_messages": history,
        "last_id": history[-1].pk if history else 0,
        "idle": 0,
        "delay": poll_delay(0),
        "poll_url": reverse("dashboard:chat-conversation-poll", args=[conversation.pk]),
        "form": form or StaffReplyForm(),
        "canned_replies": CannedReply.objects.all(),
        "viewer": "staff",
    }
    template = "shop/dashboard/chat/conversation.html"
    return TemplateResponse(request, template, context, status=status)


@require_GET
def conversation_view(request, pk):
    return conversation_page(request, _conversation(pk))


@require_GET
def poll(request, pk):
    """New messages for the staff view; marks them read, since staff are looking."""
    conversation = _conversation(pk)
    context = poll_context(request, conversation, poll_url=request.path, viewer="staff")
    if context["chat_messages"]:
        services.mark_read(conversation, context["last_id"])
    return TemplateResponse(request, "chat/partials/poll_response.html", context)


@require_POST
def reply(request, pk):
    conversation = _conversation(pk)
    form = StaffReplyForm(request.POST)
    if not form.is_valid():
        return conversation_page(request, conversation, form)
    services.post_staff_reply(conversation, form.cleaned_data["body"], user=request.user)
    return redirect(reverse("dashboard:chat-conversation", args=[pk]) + "#chat-latest")


@require_POST
def assign(request, pk):
    conversation = _conversation(pk)
    services.assign(conversation, request.user)
    messages.success(request, f"You are looking after {conversation.name}'s conversation.")
    return redirect("dashboard:chat-conversation", pk=pk)


@require_POST
def resolve(request, pk):
    conversation = _conversation(pk)
    services.resolve(conversation, user=request.user)
    messages.success(request, f"Resolved; the transcript is on its way to {conversation.email}.")
    return redirect(reverse("dashboard:chat-inbox"))


@require_POST
def transcript(request, pk):
    conversation = _conversation(pk)
    services.send_transcript(conversation)
    messages.success(request, f"Transcript e-mailed to {conversation.email}.")
    return redirect("dashboard:chat-conversation", pk=pk)


class CannedReplyListView(generic.ListView):
    model = CannedReply
    template_name = "shop/dashboard/chat/canned_list.html"
    context_object_name = "replies"


class CannedReplyFormMixin(EditScreenMixin):
    model = CannedReply
    form_class = CannedReplyForm
    success_url = reverse_lazy("dashboard:chat-canned-list")
    kind, list_title = "canned reply", "Canned replies"


class CannedReplyCreateView(CannedReplyFormMixin, generic.CreateView):
    pass


class CannedReplyUpdateView(CannedReplyFormMixin, generic.UpdateView):
    pass


class CannedReplyDeleteView(DeletedMessageMixin, generic.DeleteView):
    model = CannedReply
    template_name = "shop/dashboard/confirm_delete.html"
    success_url = reverse_lazy("dashboard:chat-canned-list")
    extra_context = {"kind": "canned reply", "list_url": success_url}


def opening_hours(request):
    """The seven weekdays on one form: times, or both empty for closed."""
    formset = OpeningHoursFormSet(request.POST or None, initial=hours_initial())
    if request.method == "POST" and formset.is_valid():
        hours = services.set_opening_hours(
            {
                form.cleaned_data["weekday"]: (
                    (form.cleaned_data["opens"], form.cleaned_data["closes"])
                    if form.cleaned_data.get("opens")
                    else None
                )
                for form in formset
            }
        )
        messages.success(request, f"Chat hours saved: {hours_text(hours)}.")
        return redirect("dashboard:chat-hours")
    return render(
        request,
        "shop/dashboard/chat/hours.html",
        {"formset": formset, "day_names": dict(OpeningHours._meta.get_field("weekday").choices)},
    )
