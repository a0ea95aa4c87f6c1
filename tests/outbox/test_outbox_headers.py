"""Extra headers (a newsletter's List-Unsubscribe) are kept with the e-mail and sent."""

import pytest
from django.core import mail

from shop.outbox.models import OutboxEmail
from shop.outbox.services import queue_email, send_due

pytestmark = pytest.mark.django_db

HEADERS = {
    "List-Unsubscribe": "<https://shop.example/newsletter/unsubscribe/abc/>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}


def test_outbox_keeps_newsletter_headers_and_sends_them(settings):
    settings.SHOP_OUTBOX_SEND_ON_COMMIT = False
    email = queue_email(to="ada@example.com", subject="News", body_text="Hello", headers=HEADERS)

    send_due()

    email.refresh_from_db()
    assert email.status == OutboxEmail.Status.SENT and email.headers == HEADERS
    message = mail.outbox[0].message()
    assert message["List-Unsubscribe"] == HEADERS["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_outbox_email_without_newsletter_headers_has_none():
    email = queue_email(to="ada@example.com", subject="Your order", body_text="Thanks")

    assert email.headers == {}


@pytest.mark.parametrize(
    "headers",
    [{"List-Unsubscribe": "<https://x/>\r\nBcc: all@example.com"}, {"Bad: name": "x"}],
)
def test_outbox_refuses_a_newsletter_header_that_could_inject_another(headers):
    with pytest.raises(ValueError, match="Unusable e-mail header"):
        queue_email(to="ada@example.com", subject="News", body_text="Hi", headers=headers)

    assert not OutboxEmail.objects.exists()
