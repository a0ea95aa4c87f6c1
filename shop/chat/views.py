"""The visitor's side of live chat: one page that is also the widget's panel.

Every view works as a plain form post and page (no JavaScript), and answers
htmx requests with just the fragment that changed. A conversation is reached
by its random ``public_id`` and only from the session that started it (the
ids are kept in the session, which survives signing in) or the customer
account it belongs to; anyone else gets a 404.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from shop.chat import services
from shop.chat.access import conversation_for, current_conversation, remember
from shop.chat.forms import MessageForm, StartChatForm
from shop.chat.hours import ChatSchedule
from shop.chat.limits import SLOW_DOWN, rate_limited
from shop.chat.models import Conversation, Message
from shop.chat.polling import poll_context, poll_delay
from shop.chat.suggestions import suggest


def waiting_notice(conversation: Conversation | None, status, now=None) -> str:
    """What to tell a visitor who is waiting for an answer, if anything yet."""
    if conversation is None or not conversation.awaiting_reply_since or not conversation.is_open:
        return ""
    if conversation.started_offline or not status.online:
        return (
            f"We're offline now. We'll reply by e-mail to {conversation.email} when we're back "
            f"{status.back}."
        )
    waited = (now or timezone.now()) - conversation.awaiting_reply_since
    if waited.total_seconds() < settings.SHOP_CHAT_REPLY_NOTICE_SECONDS:
        return ""
    return (
        "Thanks for waiting: everyone is helping other customers. Someone will answer here "
        f"in a few minutes; if you have to go, we'll reply by e-mail to {conversation.email}."
    )


def chat_context(request, conversation=None, **extra) -> dict:
    status = ChatSchedule.current(request).status()
    messages = list(conversation.messages.select_related("author")) if conversation else []
    context = {
        "status": status,
        "conversation": conversation,
        "chat_messages": messages,
        "last_id": messages[-1].pk if messages else 0,
        "idle": 0,
        "delay": poll_delay(0),
        "notice": waiting_notice(conversation, status),
        "max_length": Message.MAX_LENGTH,
        **extra,
    }
    if conversation is None and "start_form" not in context:
        context["start_form"] = StartChatForm(initial=_known_visitor(request))
    if conversation is not None and "message_form" not in context:
        context["message_form"] = MessageForm()
    return context


def _known_visitor(request) -> dict:
    user = request.user
    initial = {"page": request.GET.get("from", "")[:300]}
    if user.is_authenticated:
        initial.update(name=user.get_full_name() or "", email=user.email)
    return initial


def render_chat(request, context, status: int = 200):
    """The chat page, or only its body for the widget (htmx)."""
    template = "chat/partials/body.html" if request.htmx else "chat/page.html"
    return TemplateResponse(request, template, context, status=status)


@require_GET
def chat(request):
    return render_chat(request, chat_context(request, current_conversation(request)))


@require_POST
def start(request):
    form = StartChatForm(request.POST)
    if not form.is_valid():
        return render_chat(request, chat_context(request, start_form=form))
    if rate_limited(request, "start"):
        form.add_error(None, SLOW_DOWN["start"])
        # htmx swaps only successful responses; a plain page says 429 Too Many Requests.
        status = 200 if request.htmx else 429
        return render_chat(request, chat_context(request, start_form=form), status=status)
    status = ChatSchedule.current(request).status()
    conversation = services.start_conversation(
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        message=form.cleaned_data["message"],
        online=status.online,
        user=request.user,
        page=form.cleaned_data["page"],
    )
    remember(request, conversation)
    if request.htmx:
        return render_chat(request, chat_context(request, conversation))
    return redirect(reverse("chat:index") + "#chat-latest")


@require_POST
def send(request, public_id):
    conversation = conversation_for(request, public_id)
    form = MessageForm(request.POST)
    error = ""
    if not form.is_valid():
        error = form.errors["body"][0]
    elif rate_limited(request, "send"):
        error = SLOW_DOWN["send"]
    if error:
        if request.htmx:
            response = TemplateResponse(request, "chat/partials/send_error.html", {"error": error})
            response["HX-Retarget"], response["HX-Reswap"] = "#chat-send-error", "innerHTML"
            return response
        context = chat_context(request, conversation, message_form=form, send_error=error)
        return render_chat(request, context, status=429 if form.is_valid() else 200)
    services.post_visitor_message(conversation, form.cleaned_data["body"])
    if not request.htmx:
        return redirect(reverse("chat:index") + "#chat-latest")
    # The poll fetches it at once ("chat:sent"), with anything staff wrote meanwhile.
    response = HttpResponse(status=204)
    response["HX-Trigger"] = "chat:sent"
    return response


@require_GET
def poll(request, public_id):
    """New messages since ``after``, and the next poll, later if nothing happened."""
    conversation = conversation_for(request, public_id)
    services.note_visitor_seen(conversation)
    status = ChatSchedule.current(request).status()
    context = poll_context(request, conversation, notice=waiting_notice(conversation, status))
    return TemplateResponse(request, "chat/partials/poll_response.html", context)


@require_POST
def transcript(request, public_id):
    conversation = conversation_for(request, public_id)
    if rate_limited(request, "transcript"):
        note = SLOW_DOWN["transcript"]
    else:
        services.send_transcript(conversation)
        note = f"We've e-mailed this conversation to {conversation.email}."
    if request.htmx:
        return HttpResponse(note)
    return render_chat(request, chat_context(request, conversation, transcript_note=note))


@require_GET
def suggestions(request):
    text = request.GET.get("message") or request.GET.get("body") or ""
    return TemplateResponse(
        request, "chat/partials/suggestions.html", {"suggestions": suggest(text, request)}
    )
