"""The visitor's side of live chat: starting, sending, polling, privacy and safety."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from oscar.test.factories import UserFactory

from shop.chat import services
from shop.chat.models import Conversation, Message
from shop.outbox.models import OutboxEmail
from tests import factories
from tests.pages import text_of

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=LONDON)
WEDNESDAY_NIGHT = datetime(2026, 11, 25, 22, 0, tzinfo=LONDON)
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def online():
    with time_machine.travel(WEDNESDAY_NOON, tick=False) as traveller:
        yield traveller


def start(client, **overrides):
    data = {
        "name": "Ada",
        "email": "ada@example.com",
        "message": "How long does kefir keep?",
        "consent": "on",
        "page": "/catalogue/",
        **overrides,
    }
    return client.post(reverse("chat:start"), data)


def started(client) -> Conversation:
    assert start(client).status_code == 302
    return Conversation.objects.latest("pk")


def send(client, conversation, body, **extra):
    return client.post(reverse("chat:send", args=[conversation.public_id]), {"body": body}, **extra)


def poll(client, conversation, after=0, idle=0, **extra):
    url = reverse("chat:poll", args=[conversation.public_id])
    return client.get(url, {"after": after, "idle": idle}, **extra)


def test_online_the_chat_asks_who_you_are_and_your_question(client, online):
    text = text_of(client.get("/chat/"))

    assert "Online" in text
    assert "a person will answer here" in text
    assert "Start chat" in text


def test_offline_the_chat_offers_to_take_a_message(client):
    with time_machine.travel(WEDNESDAY_NIGHT):
        text = text_of(client.get("/chat/"))
        conversation = started(client)
        page = text_of(client.get("/chat/"))

    assert "Offline — back tomorrow at 8am" in text
    assert "Leave a message and we'll reply by e-mail when we're back tomorrow at 8am" in text
    assert "Leave a message" in text
    assert conversation.started_offline
    assert "We'll reply by e-mail to ada@example.com when we're back tomorrow at 8am." in page


def test_starting_a_chat_keeps_who_and_what_and_when_they_agreed(client, online):
    conversation = started(client)

    assert (conversation.name, conversation.email, conversation.started_on) == (
        "Ada",
        "ada@example.com",
        "/catalogue/",
    )
    assert conversation.consented_at == WEDNESDAY_NOON
    assert not conversation.started_offline
    assert [m.body for m in conversation.messages.all()] == ["How long does kefir keep?"]
    assert "How long does kefir keep?" in text_of(client.get("/chat/"))


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("consent", "", "Please agree to the privacy notice so we can answer you."),
        ("email", "not-an-email", "Enter a valid email address."),
        ("name", "   ", "This field is required."),
        ("message", "", "Write a message first."),
        ("message", "x" * 2001, "Messages can be up to 2000 characters"),
    ],
)
def test_a_bad_start_says_what_to_fix_and_keeps_the_rest(client, online, field, value, error):
    response = start(client, **{field: value})

    assert response.status_code == 200
    assert error in text_of(response)
    assert not Conversation.objects.exists()
    if field != "message":
        assert "How long does kefir keep?" in response.content.decode()


def test_messages_arrive_and_the_box_answers_htmx_with_no_content(client, online):
    conversation = started(client)

    response = send(client, conversation, "Also: do you deliver to Belfast?", **HTMX)

    assert response.status_code == 204
    assert response["HX-Trigger"] == "chat:sent"
    assert conversation.messages.count() == 2
    plain = send(client, conversation, "And Derry?")
    assert plain.status_code == 302 and plain["Location"].endswith("/chat/#chat-latest")


def test_the_poll_brings_new_messages_and_slows_down_when_quiet(client, online):
    conversation = started(client)
    first = conversation.messages.get()

    quiet = poll(client, conversation, after=first.pk, idle=6)
    services.post_staff_reply(conversation, "Five days once opened.", user=factories.staff_user())
    lively = poll(client, conversation, after=first.pk, idle=6)

    assert "Five days" not in quiet.content.decode()
    assert "idle=7" in quiet.content.decode() and "delay:8s" in quiet.content.decode()
    page = lively.content.decode()
    assert "Five days once opened." in page
    assert 'data-hx-swap-oob="beforeend:#chat-messages"' in page
    assert "idle=0" in page and "delay:3s" in page


def test_a_visitor_cannot_reach_anyone_elses_conversation(client, online):
    conversation = started(client)
    stranger = Client()
    stranger.get("/chat/")

    assert poll(stranger, conversation).status_code == 404
    assert send(stranger, conversation, "hello").status_code == 404
    url = reverse("chat:transcript", args=[conversation.public_id])
    assert stranger.post(url).status_code == 404
    assert "How long does kefir keep?" not in text_of(stranger.get("/chat/"))
    assert conversation.messages.count() == 1


def test_an_unknown_conversation_is_not_found(client, online):
    started(client)

    missing = reverse("chat:poll", args=["00000000-0000-4000-8000-000000000000"])
    assert client.get(missing).status_code == 404
    assert client.get("/chat/not-a-uuid/poll/").status_code == 404


def test_the_conversation_follows_the_visitor_when_they_sign_in(client, online):
    user = UserFactory(email="ada@example.com")
    conversation = started(client)

    factories.sign_in(client, user)  # a new session key, same session data

    assert "How long does kefir keep?" in text_of(client.get("/chat/"))
    assert poll(client, conversation).status_code == 200


def test_a_signed_in_customers_chat_is_theirs_on_any_device(online):
    user = UserFactory(email="ada@example.com", first_name="Ada", last_name="L")
    laptop, phone = Client(), Client()
    factories.sign_in(laptop, user)
    factories.sign_in(phone, user)
    assert 'value="ada@example.com"' in laptop.get("/chat/").content.decode()

    conversation = started(laptop)

    assert conversation.user == user
    assert "How long does kefir keep?" in text_of(phone.get("/chat/"))
    assert poll(phone, conversation).status_code == 200


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "javascript:alert(1)",
        '"><svg onload=alert(1)>',
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_messages_are_plain_text(client, online, payload):
    conversation = started(client)
    send(client, conversation, payload)

    for page in (client.get("/chat/"), poll(client, conversation)):
        html = page.content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<svg onload" not in html
        assert 'href="javascript:' not in html and 'href="data:' not in html


def test_web_addresses_become_safe_links(client, online):
    conversation = started(client)
    send(client, conversation, "See https://example.com/kefir?a=1&b=<2> please")

    html = client.get("/chat/").content.decode()

    assert '<a href="https://example.com/kefir?a=1&amp;b=" rel="nofollow">' in html
    assert "&lt;2&gt;" in html


def test_too_long_a_message_is_refused_and_kept_in_the_box(client, online):
    conversation = started(client)

    response = send(client, conversation, "x" * 2001)

    assert "Messages can be up to 2000 characters" in text_of(response)
    assert "x" * 2001 in response.content.decode()
    assert conversation.messages.count() == 1
    htmx = send(client, conversation, "x" * 2001, **HTMX)
    assert htmx["HX-Retarget"] == "#chat-send-error"
    assert "Messages can be up to 2000 characters" in htmx.content.decode()


def test_sending_too_fast_is_slowed_down_with_a_clear_message(client, online):
    conversation = started(client)
    for n in range(8):
        assert send(client, conversation, f"message {n}").status_code == 302

    response = send(client, conversation, "one too many")

    assert response.status_code == 429
    assert "faster than we can read them" in text_of(response)
    assert "one too many" in response.content.decode()  # still in the box
    assert conversation.messages.count() == 9
    online.shift(timedelta(seconds=61))
    assert send(client, conversation, "after a minute").status_code == 302


def test_one_address_cannot_flood_from_many_sessions(online):
    for n in range(10):
        assert (
            start(Client(REMOTE_ADDR="203.0.113.9"), email=f"v{n}@example.com").status_code == 302
        )

    response = start(Client(REMOTE_ADDR="203.0.113.9"))

    assert response.status_code == 429
    assert "started several conversations" in text_of(response)
    assert Conversation.objects.count() == 10


def test_sending_needs_the_csrf_token(online):
    careful = Client(enforce_csrf_checks=True)
    careful.get("/chat/")

    assert start(careful).status_code == 403
    assert not Conversation.objects.exists()


def test_a_wait_without_reply_is_explained(client, online, settings):
    settings.SHOP_CHAT_REPLY_NOTICE_SECONDS = 120
    conversation = started(client)

    assert "Thanks for waiting" not in poll(client, conversation).content.decode()
    online.shift(timedelta(seconds=121))
    notice = text_of(poll(client, conversation))

    assert "Someone will answer here in a few minutes" in notice
    assert "we'll reply by e-mail to ada@example.com" in notice
    services.post_staff_reply(conversation, "Hello!", user=factories.staff_user())
    assert "Thanks for waiting" not in poll(client, conversation).content.decode()


def test_a_transcript_can_be_emailed_on_request(client, online):
    conversation = started(client)

    response = client.post(reverse("chat:transcript", args=[conversation.public_id]), **HTMX)

    assert "We've e-mailed this conversation to ada@example.com." in response.content.decode()
    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com"
    assert "How long does kefir keep?" in email.body_text


def test_faq_answers_are_suggested_while_typing(client, online):
    factories.faq_entry("How long does kefir last?", "<p>45 days unopened.</p>", category="Kefir")
    factories.faq_entry("Where do you deliver?", "<p>The UK.</p>")
    factories.faq_entry("Is kēpos vegan?", "<p>No.</p>", category="kēpos")

    response = client.get(reverse("chat:suggestions"), {"message": "how long will my KEFIR last"})

    text = text_of(response)
    assert "How long does kefir last?" in text
    assert "Where do you deliver?" not in text
    assert 'href="/faq/#how-long-does-kefir-last"' in response.content.decode()
    assert not text_of(client.get(reverse("chat:suggestions"), {"message": "the and for"})).strip()
    assert "Is kēpos vegan?" in text_of(
        client.get(reverse("chat:suggestions"), {"body": "is kepos vegan"})
    )


def test_the_widget_is_on_every_storefront_page_but_not_the_chat_page(client):
    product = factories.product("kēpos 30-day", "39.99")
    for url in ("/", product.get_absolute_url(), "/faq/", "/basket/"):
        assert "data-chat-open" in client.get(url).content.decode(), url
    assert "data-chat-open" not in client.get("/chat/").content.decode()


def test_staff_replies_to_an_absent_visitor_are_emailed(client, online):
    conversation = started(client)
    staff = factories.staff_user()

    services.post_staff_reply(conversation, "Five days.", user=staff)  # visitor is here
    assert not OutboxEmail.objects.exists()
    online.shift(timedelta(minutes=3))
    services.post_staff_reply(conversation, "Anything else?", user=staff)

    email = OutboxEmail.objects.get()
    assert email.to == "ada@example.com" and "Anything else?" in email.body_text


def test_a_message_after_resolution_reopens_the_conversation(client, online):
    conversation = started(client)
    services.resolve(conversation)

    send(client, conversation, "One more thing")

    conversation.refresh_from_db()
    assert conversation.is_open and conversation.awaiting_reply_since is not None
    assert Message.objects.filter(body="One more thing").exists()


def test_chat_page_and_poll_query_counts_do_not_grow(client, online, queries_do_not_grow):
    conversation = started(client)
    staff = factories.staff_user(email="agent@kepos.example")

    def grow(size):
        for n in range(conversation.messages.filter(sender="staff").count(), size):
            services.post_visitor_message(conversation, f"Question {n}")
            services.post_staff_reply(conversation, f"Answer {n}", user=staff)

    # session, promises, chat hours (once, for the strip and the status), conversation,
    # messages with authors, closures, menu: 7
    queries_do_not_grow(lambda: client.get("/chat/"), grow, ceiling=10)
    # conversation, chat hours and closures (the status, for the notice), messages: 4
    queries_do_not_grow(lambda: poll(client, conversation), grow, ceiling=6)
