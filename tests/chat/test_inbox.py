"""The staff inbox: tabs and unread counts, replying, canned replies, resolving, hours."""

from datetime import time, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from shop import roles
from shop.chat import services
from shop.chat.models import CannedReply, Conversation, Message, OpeningHours
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db


def conversation(name="Ada", message="Hello?", *, offline=False, **fields) -> Conversation:
    chat = services.start_conversation(
        name=name, email=f"{name.lower()}@example.com", message=message, online=not offline
    )
    if fields:
        Conversation.objects.filter(pk=chat.pk).update(**fields)
        chat.refresh_from_db()
    return chat


@pytest.fixture
def agent(client):
    user = factories.staff_user(roles.CUSTOMER_SERVICE, email="agent@kepos.example")
    factories.sign_in(client, user)
    return user


def inbox(client, tab="waiting"):
    return client.get(reverse("dashboard:chat-inbox"), {"tab": tab})


def test_the_inbox_counts_each_tab_and_unread_messages(client, agent):
    waiting = conversation("Ada")
    services.post_visitor_message(waiting, "Are you there?")
    answered = conversation("Bo")
    services.post_staff_reply(answered, "Hi Bo", user=agent)
    done = conversation("Cy")
    services.resolve(done)

    text = text_of(inbox(client))

    assert "Waiting for a reply 1" in text and "Mine 1" in text
    assert "All open 2" in text and "Resolved 1" in text
    assert "2 unread messages" in text
    assert "Ada" in text and "Bo" not in text  # the waiting tab
    assert "2 unread" in text  # Ada's two messages
    assert "Bo" in text_of(inbox(client, "mine"))
    assert "Cy" in text_of(inbox(client, "resolved"))


def test_opening_a_conversation_marks_it_read(client, agent):
    chat = conversation("Ada")

    page = client.get(reverse("dashboard:chat-conversation", args=[chat.pk]))

    assert "Hello?" in text_of(page)
    assert "0 unread messages" in text_of(inbox(client))


def test_a_reply_reaches_the_visitor_and_clears_the_wait(client, agent):
    chat = conversation("Ada")

    response = client.post(
        reverse("dashboard:chat-conversation-reply", args=[chat.pk]), {"body": "Hello Ada!"}
    )

    assert response.status_code == 302
    chat.refresh_from_db()
    reply = chat.messages.last()
    assert (reply.body, reply.sender, reply.author) == ("Hello Ada!", Message.Sender.STAFF, agent)
    assert chat.awaiting_reply_since is None and chat.assigned_to == agent


def test_replies_to_an_offline_message_go_by_email(client, agent):
    chat = conversation("Ada", "Do you deliver to Orkney?", offline=True)

    client.post(
        reverse("dashboard:chat-conversation-reply", args=[chat.pk]), {"body": "Yes, we do."}
    )

    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com"
    assert "Yes, we do." in email.body_text and "/chat/" in email.body_text


def test_a_canned_reply_is_sent_as_it_is_without_javascript(client, agent):
    canned = CannedReply.objects.create(title="Greeting", body="Hello, how can I help?")
    chat = conversation("Ada")

    client.post(
        reverse("dashboard:chat-conversation-reply", args=[chat.pk]),
        {"body": "", "canned": canned.pk},
    )

    assert chat.messages.last().body == "Hello, how can I help?"


def test_an_empty_reply_is_refused_at_the_box(client, agent):
    chat = conversation("Ada")

    response = client.post(reverse("dashboard:chat-conversation-reply", args=[chat.pk]), {})

    assert "Write a reply or choose a canned reply." in text_of(response)
    assert chat.messages.count() == 1


def test_assign_resolve_and_transcript(client, agent):
    chat = conversation("Ada")

    client.post(reverse("dashboard:chat-conversation-assign", args=[chat.pk]))
    chat.refresh_from_db()
    assert chat.assigned_to == agent

    client.post(reverse("dashboard:chat-conversation-resolve", args=[chat.pk]))
    chat.refresh_from_db()
    assert chat.status == Conversation.Status.RESOLVED
    transcript = OutboxEmail.objects.get()
    assert transcript.to == "ada@example.com" and "Hello?" in transcript.body_text
    assert "90 days" in transcript.body_text


def test_the_staff_poll_brings_visitor_messages_and_marks_them_read(client, agent):
    chat = conversation("Ada")
    first = chat.messages.get()
    services.post_visitor_message(chat, "Still there?")

    response = client.get(
        reverse("dashboard:chat-conversation-poll", args=[chat.pk]), {"after": first.pk}
    )

    assert "Still there?" in response.content.decode()
    chat.refresh_from_db()
    assert chat.staff_read_up_to == chat.messages.last().pk


def test_inbox_query_count_does_not_grow(client, agent, queries_do_not_grow):
    staff = factories.staff_user(roles.CUSTOMER_SERVICE, email="other@kepos.example")
    made = []

    def grow(size):
        for n in range(len(made), size):
            chat = conversation(f"Visitor{n}")
            services.post_visitor_message(chat, "And another thing")
            services.assign(chat, staff)
            made.append(chat)

    # user, its two permission sets, the two-factor device, tab counts (also the
    # paginator's), unread, hours and closures (the chat's status), Oscar's notification
    # count, the page of conversations: 10
    queries_do_not_grow(lambda: inbox(client), grow, ceiling=14)


def test_conversation_query_count_does_not_grow(client, agent, queries_do_not_grow):
    chat = conversation("Ada")

    def grow(size):
        for n in range(chat.messages.count() // 2, size):
            services.post_visitor_message(chat, f"Message {n}")
            services.post_staff_reply(chat, f"Reply {n}", user=agent)

    # user, its two permission sets, the two-factor device, conversation, messages with
    # authors, mark read, Oscar's notification count, canned replies: 9
    url = reverse("dashboard:chat-conversation", args=[chat.pk])
    queries_do_not_grow(lambda: client.get(url), grow, ceiling=13)


def test_staff_set_the_hours_and_closed_days(client, agent):
    data = {"form-TOTAL_FORMS": 7, "form-INITIAL_FORMS": 7}
    for day in range(7):
        data[f"form-{day}-weekday"] = day
        data[f"form-{day}-opens"] = "09:00" if day < 5 else ""
        data[f"form-{day}-closes"] = "17:30" if day < 5 else ""

    response = client.post(reverse("dashboard:chat-hours"), data, follow=True)

    assert "Chat hours saved: Mon-Fri 9am - 5:30pm." in text_of(response)
    assert OpeningHours.objects.count() == 5
    assert OpeningHours.objects.get(weekday=0).closes == time(17, 30)


@pytest.mark.parametrize(
    ("opens", "closes", "error"),
    [
        ("20:00", "08:00", "Chat must close after it opens."),
        ("08:00", "", "Give both times, or neither for a closed day."),
        ("8 o'clock", "20:00", "Enter a valid time."),
    ],
)
def test_impossible_hours_are_refused_and_nothing_changes(client, agent, opens, closes, error):
    data = {"form-TOTAL_FORMS": 7, "form-INITIAL_FORMS": 7}
    for day in range(7):
        data[f"form-{day}-weekday"] = day
        data[f"form-{day}-opens"] = opens if day == 0 else "08:00"
        data[f"form-{day}-closes"] = closes if day == 0 else "20:00"

    response = client.post(reverse("dashboard:chat-hours"), data)

    assert error in text_of(response)
    assert OpeningHours.objects.get(weekday=0).opens == time(8, 0)


def test_canned_replies_are_managed_in_the_dashboard(client, agent):
    client.post(
        reverse("dashboard:chat-canned-create"),
        {"title": "Thanks", "body": "Thanks for your patience.", "position": 1},
    )
    canned = CannedReply.objects.get()
    client.post(
        reverse("dashboard:chat-canned-edit", args=[canned.pk]),
        {"title": "Thanks", "body": "Thank you for waiting.", "position": 1},
    )
    canned.refresh_from_db()
    assert canned.body == "Thank you for waiting."
    client.post(reverse("dashboard:chat-canned-delete", args=[canned.pk]))
    assert not CannedReply.objects.exists()


@pytest.mark.parametrize("role", [roles.MARKETING, roles.ORDER_STAFF])
def test_marketing_and_order_staff_cannot_read_chats(client, role):
    chat = conversation("Ada")
    factories.sign_in(client, factories.staff_user(role))

    assert client.get(reverse("dashboard:chat-inbox")).status_code == 403
    assert client.get(reverse("dashboard:chat-conversation", args=[chat.pk])).status_code == 403
    assert "Live chat" not in text_of(client.get(reverse("dashboard:index")))


def test_purge_deletes_only_conversations_past_the_retention_period(settings):
    settings.SHOP_CHAT_RETENTION_DAYS = 90
    old = conversation("Old", last_message_at=timezone.now() - timedelta(days=91))
    recent = conversation("Recent", last_message_at=timezone.now() - timedelta(days=89))

    call_command("purge_chats", stdout=(out := __import__("io").StringIO()))

    assert list(Conversation.objects.all()) == [recent]
    assert not Message.objects.filter(conversation_id=old.pk).exists()
    assert "Deleted 1 conversation older than 90 days." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("purge_chats", days=0)
