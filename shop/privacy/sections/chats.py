"""Live chats: the conversations a person had with us, from their account or under
their e-mail, each with its messages (staff replies without the staff member's name)."""

from django.db.models import Prefetch

from shop.chat.models import Conversation, Message
from shop.privacy.sections.common import of_person, when


def conversations_of(user, email: str):
    return Conversation.objects.filter(of_person(user, email))


def export(user, email: str) -> list[dict]:
    conversations = conversations_of(user, email).prefetch_related(
        Prefetch("messages", queryset=Message.objects.order_by("pk"))
    )
    return [
        {
            "started": when(chat.created_at),
            "name": chat.name,
            "email": chat.email,
            "started_on_page": chat.started_on,
            "left_as_a_message": chat.started_offline,
            "agreed_to_privacy_notice": when(chat.consented_at),
            "status": chat.get_status_display(),
            "messages": [
                {
                    "from": "you" if message.from_visitor else "kēpos",
                    "at": when(message.created_at),
                    "text": message.body,
                }
                for message in chat.messages.all()
            ],
        }
        for chat in conversations.order_by("created_at", "pk")
    ]


def erase(user, email: str) -> int:
    """Delete the conversations and their messages (chats may hold health details)."""
    _, deleted = conversations_of(user, email).delete()
    return deleted.get(Conversation._meta.label, 0)
