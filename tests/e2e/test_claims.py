"""A marketer sees the claims check flag wording as she types, and cannot publish it
without a Manager's sign-off."""

import pytest
from playwright.sync_api import expect

from blog.models import Article, Author
from shop.claims.seed import seed
from tests.e2e.helpers import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_claims_check_flags_wording_as_the_marketer_types_and_holds_publishing(
    marketer_page,
    live_server,
):
    seed()  # the lists every environment starts with (this test's database is flushed)
    Author.objects.create(name="kēpos Science Team", slug="team")
    page = marketer_page
    page.goto(live_server.url + "/admin/blog/article/add/")
    panel = page.locator("[data-claims-check]")
    expect(panel).to_contain_text("Nothing flagged.")

    page.get_by_label("Title:", exact=True).fill("Kefir and your mood")
    page.get_by_label("Summary:", exact=True).fill("A drink that cures low mood, some say.")
    expect(panel.locator(".claims-flag")).to_contain_text("“cures” in Summary")
    expect(panel.get_by_role("status")).to_have_text("1 to look at.")
    assert_accessible(page, within="[data-claims-check]")  # Django's admin has its own issues

    page.get_by_label("Author:", exact=True).select_option(label="kēpos Science Team")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(page.get_by_text("ask a Manager to sign off")).to_be_visible()
    assert not Article.objects.exists()

    # Reworded, it publishes.
    page.get_by_label("Summary:", exact=True).fill("Why some people drink kefir daily.")
    expect(panel.get_by_role("status")).to_have_text("Nothing flagged.")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("is published")
    assert Article.objects.get().status == Article.Status.PUBLISHED
