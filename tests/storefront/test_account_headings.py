"""Account pages head with their own name, not the document's whole title."""

import pytest
from django.urls import reverse
from oscar.test.factories import UserFactory

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_name", "heading"),
    [
        ("customer:profile-view", "Profile"),
        ("customer:address-list", "Address Book"),
        ("subscriptions:list", "Subscriptions"),
    ],
)
def test_account_page_heading_is_the_page_name(client, url_name, heading):
    factories.sign_in(client, UserFactory(email="sam@example.com"))

    html = client.get(reverse(url_name)).content.decode()

    assert f"<h1>{heading}</h1>" in html.replace("\n", "").replace("  ", "")
    assert f"<title>{heading} | Account | " in html
