"""The landing page editor publishes with the article editor's buttons and keeps every
save as a revision that can be compared and restored (blog.publishing, blog.revisions)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from blog.revisions import save_revision
from shop import roles
from shop.landing.models import Block, LandingPage
from tests import factories
from tests.landing.test_landing_pages import admin_data, landing_page
from tests.pages import form_data, text_of

pytestmark = pytest.mark.django_db

HERO = {"kind": "hero", "heading": "Spring", "button_label": "Shop", "button_link": "/catalogue/"}


@pytest.fixture
def marketer(client):
    factories.sign_in(client, factories.staff_user(roles.MARKETING))
    return client


def add_page(client, **fields):
    return client.post(reverse("admin:landing_landingpage_add"), admin_data([HERO], **fields))


def test_landing_page_schedule_button_sets_the_time_and_hides_it_until_then(marketer, client):
    when = timezone.localtime() + timedelta(days=3)

    response = add_page(marketer, _action="schedule", schedule_at=f"{when:%Y-%m-%dT%H:%M}")

    page = LandingPage.objects.get()
    assert response.status_code == 302
    assert page.status == LandingPage.Status.PUBLISHED and page.is_scheduled
    assert f"{timezone.localtime(page.publish_at):%Y-%m-%d %H:%M}" == f"{when:%Y-%m-%d %H:%M}"
    messages = text_of(marketer.get(response.url))
    assert "Scheduled: goes live on" in messages and "Reschedule…" in messages
    marketer.logout()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_landing_page_schedule_in_the_past_is_refused_and_nothing_saved(marketer):
    response = add_page(marketer, _action="schedule", schedule_at="2020-01-01T09:00")

    assert response.status_code == 200
    assert "Choose a time in the future, or Publish now." in text_of(response)
    assert not LandingPage.objects.exists()


def test_landing_page_publish_now_makes_it_live_and_preview_opens_the_preview(marketer, client):
    add_page(marketer, _action="publish")
    page = LandingPage.objects.get()
    change = reverse("admin:landing_landingpage_change", args=[page.pk])

    data = form_data(marketer.get(change), "landingpage_form") | {"_action": "preview"}
    preview = marketer.post(change, data)

    assert preview.url == reverse("landing:preview", kwargs={"pk": page.pk})
    marketer.logout()
    assert client.get(page.get_absolute_url()).status_code == 200


def test_landing_page_every_admin_save_keeps_a_revision_to_compare(marketer):
    add_page(marketer)
    page = LandingPage.objects.get()
    change = reverse("admin:landing_landingpage_change", args=[page.pk])
    data = form_data(marketer.get(change), "landingpage_form")
    marketer.post(change, data | {"_action": "draft", "blocks-0-heading": "Summer"})
    older, newer = page.revisions.order_by("pk")

    url = reverse("admin:landing_landingpage_revisions", args=[page.pk])
    text = text_of(marketer.get(url, {"older": older.pk, "newer": newer.pk}))

    assert page.revisions.count() == 2
    assert "+ added blocks: position=1 | kind=hero | heading=Summer" in text
    assert "− removed blocks: position=1 | kind=hero | heading=Spring" in text


def test_landing_page_restore_brings_back_a_deleted_block_with_its_products(marketer):
    grains, drink = factories.product("Kefir grains", "14.99"), factories.product("Kefir", "3.99")
    page = landing_page(status=LandingPage.Status.DRAFT)
    Block.objects.create(page=page, position=1, kind="hero", heading="Spring")
    grid = Block.objects.create(page=page, position=2, kind="products", heading="Shop")
    grid.products.set([grains, drink])
    kept = save_revision(page)
    grid.delete()
    page.title = "Changed"
    page.save()
    drink.delete()  # gone since: the restored grid leaves it out

    restore = reverse("admin:landing_landingpage_restore", args=[page.pk, kept.pk])
    response = marketer.post(restore)

    page.refresh_from_db()
    assert response.status_code == 302 and page.title == "Spring kefir"
    blocks = list(page.blocks.all())
    assert [(b.position, b.kind) for b in blocks] == [(1, "hero"), (2, "products")]
    assert list(blocks[1].products.all()) == [grains]
    assert page.revisions.first().note.startswith("Restored the revision of")


def test_landing_page_restore_needs_change_permission_and_a_post(client):
    page = landing_page()
    kept = save_revision(page)
    restore = reverse("admin:landing_landingpage_restore", args=[page.pk, kept.pk])
    factories.sign_in(client, factories.staff_user(roles.MARKETING))

    assert client.get(restore).status_code == 403
    assert page.revisions.count() == 1
