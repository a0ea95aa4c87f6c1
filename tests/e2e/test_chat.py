"""Live chat in Chromium, with two browsers: a visitor on the shop and an agent in the dashboard."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import expect

from shop import roles
from tests import factories
from tests.e2e.helpers import assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WEDNESDAY_NOON = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Europe/London"))


@pytest.fixture
def open_hours():
    with time_machine.travel(WEDNESDAY_NOON, tick=True):
        yield


@pytest.fixture
def agent_page(browser, live_server):
    page = browser.new_context().new_page()
    sign_in(page, live_server, factories.staff_user(roles.CUSTOMER_SERVICE))
    yield page
    page.context.close()


def test_a_visitor_and_an_agent_chat_without_reloading(page, agent_page, live_server, open_hours):
    visitor = page
    visitor.goto(live_server.url + "/")
    visitor.get_by_role("button", name="Chat with us").click()
    panel = visitor.get_by_role("dialog", name="Live chat")
    expect(panel.get_by_text("Online")).to_be_visible()
    panel.get_by_label("Your name").fill("Ada")
    panel.get_by_label("Your e-mail").fill("ada@example.com")
    panel.get_by_label("Your question").fill("Do you deliver to Belfast?")
    panel.get_by_label("I agree to the privacy notice").check()
    panel.get_by_role("button", name="Start chat").click()
    messages = panel.get_by_role("list", name="Conversation")
    expect(messages).to_contain_text("Do you deliver to Belfast?")
    assert_accessible(visitor)

    agent = agent_page
    agent.goto(live_server.url + "/dashboard/chat/")
    agent.get_by_role("link", name="Ada").click()
    expect(agent.get_by_role("list", name="Conversation")).to_contain_text(
        "Do you deliver to Belfast?"
    )
    agent.get_by_label("Reply to Ada").fill("Yes! Standard delivery reaches Northern Ireland.")
    agent.get_by_role("button", name="Send reply").click()

    # The visitor's page was never reloaded: the reply arrives by polling.
    expect(messages).to_contain_text(
        "Yes! Standard delivery reaches Northern Ireland.", timeout=15_000
    )

    box = panel.get_by_label("Your message")
    box.fill("Thank you!")
    box.press("Enter")
    expect(messages).to_contain_text("Thank you!")
    expect(box).to_have_value("")
    expect(agent.get_by_role("list", name="Conversation")).to_contain_text(
        "Thank you!", timeout=15_000
    )
    expect(messages.get_by_role("listitem")).to_have_count(3)  # each message once


def test_the_widget_opens_and_closes_from_the_keyboard(page, live_server, open_hours):
    page.goto(live_server.url + "/faq/")
    launcher = page.get_by_role("button", name="Chat with us")
    launcher.focus()
    page.keyboard.press("Enter")

    expect(page.get_by_label("Your name")).to_be_focused()
    # The launcher steps aside while the panel is open, so it covers nothing of it.
    expect(page.locator("[data-chat-open]")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("[data-chat-open]")).to_be_hidden()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Live chat")).to_be_hidden()
    expect(launcher).to_be_focused()


def test_the_conversation_survives_moving_to_another_page(page, live_server, open_hours):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Chat with us").click()
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Your e-mail").fill("ada@example.com")
    page.get_by_label("Your question").fill("Is kēpos vegan?")
    page.get_by_label("I agree to the privacy notice").check()
    page.get_by_role("button", name="Start chat").click()
    expect(page.get_by_role("list", name="Conversation")).to_contain_text("Is kēpos vegan?")

    page.goto(live_server.url + "/faq/")

    # The panel was open, so it opens again on the next page with the conversation.
    expect(page.get_by_role("list", name="Conversation")).to_contain_text("Is kēpos vegan?")


def test_without_javascript_the_chat_is_a_page_of_forms(browser, live_server, open_hours):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Chat with us").click()
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Your e-mail").fill("ada@example.com")
    page.get_by_label("Your question").fill("Can I return grains?")
    page.get_by_role("button", name="Start chat").click()
    expect(page.get_by_text("Please agree to the privacy notice")).to_be_visible()
    expect(page.get_by_label("Your question")).to_have_value("Can I return grains?")

    page.get_by_label("I agree to the privacy notice").check()
    page.get_by_role("button", name="Start chat").click()
    expect(page.get_by_role("list", name="Conversation")).to_contain_text("Can I return grains?")
    page.get_by_label("Your message").fill("Also: milk grains")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("list", name="Conversation")).to_contain_text("Also: milk grains")
    page.context.close()
