"""Which conversations a visitor may see: those their session started (ids kept in the
session, which survives sign-in) and their account's. Anything else is 404."""

from django.http import Http404

from shop.chat.models import Conversation

SESSION_KEY = "chat_conversations"


def current_conversation(request) -> Conversation | None:
    """The visitor's latest conversation: from this session, else their account's open one."""
    ids = request.session.get(SESSION_KEY, [])
    if ids:
        found = Conversation.objects.filter(public_id=ids[-1]).first()
        if found is not None:
            return found
    if request.user.is_authenticated:
        return Conversation.objects.open().filter(user=request.user).first()
    return None


def conversation_for(request, public_id) -> Conversation:
    """The conversation if this visitor may see it; 404 otherwise (never 403: ids stay secret)."""
    conversation = Conversation.objects.filter(public_id=public_id).first()
    if conversation is None:
        raise Http404
    allowed = str(public_id) in request.session.get(SESSION_KEY, [])
    owner = request.user.is_authenticated and conversation.user_id == request.user.pk
    if not (allowed or owner):
        raise Http404
    return conversation


def remember(request, conversation: Conversation) -> None:
    ids = [i for i in request.session.get(SESSION_KEY, []) if i != str(conversation.public_id)]
    request.session[SESSION_KEY] = [*ids[-9:], str(conversation.public_id)]
