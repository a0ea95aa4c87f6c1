"""RSS and Atom feeds of the blog, read with feedparser as a feed reader would."""

from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from blog.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

FEEDS = {"rss": "/blog/feed/", "atom": "/blog/feed/atom/"}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.fixture
def articles():
    now = timezone.now()
    return {
        "older": factories.article(
            "Older news", publish_at=now - timedelta(days=3), categories=["Kefir"]
        ),
        "newer": factories.article(
            "Newer news", publish_at=now - timedelta(days=1), categories=["Gut-brain axis"]
        ),
        "draft": factories.article("Draft news", status=Article.Status.DRAFT),
        "scheduled": factories.article("Future news", publish_at=now + timedelta(days=1)),
        "archived": factories.article("Archived news", status=Article.Status.ARCHIVED),
    }


@pytest.mark.parametrize("kind", FEEDS)
def test_the_feed_lists_published_articles_newest_first(client, articles, kind):
    response, feed = read(client, FEEDS[kind])

    assert [entry.title for entry in feed.entries] == ["Newer news", "Older news"]
    newest = feed.entries[0]
    assert newest.link.endswith("/blog/newer-news/")
    assert newest.summary == "Summary of Newer news."
    assert newest.author == "kēpos Science Team"
    assert [tag.term for tag in newest.tags] == ["Gut-brain axis"]
    assert newest.published_parsed is not None
    assert feed.feed.title == "kēpos science blog"
    expected = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected)


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_a_category_feed_has_only_that_category(client, articles, suffix):
    _, feed = read(client, f"/blog/category/kefir/feed/{suffix}")

    assert [entry.title for entry in feed.entries] == ["Older news"]
    assert feed.feed.title == "kēpos science blog: Kefir"


def test_an_unknown_category_feed_is_not_found(client):
    assert client.get("/blog/category/nope/feed/").status_code == 404


def test_blog_pages_announce_their_feeds(client, articles):
    page = client.get("/blog/category/kefir/").content.decode()

    assert 'type="application/rss+xml" title="kēpos science blog (RSS)" href="/blog/feed/"' in page
    assert 'href="/blog/feed/atom/"' in page
    assert 'href="/blog/category/kefir/feed/"' in page
    assert 'href="/blog/category/kefir/feed/atom/"' in page
    article_page = client.get(articles["newer"].get_absolute_url()).content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in article_page


def test_an_article_cannot_take_the_feeds_address(client):
    from django.core.exceptions import ValidationError

    article = factories.article("Feed")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "one of the blog's own addresses" in str(error.value)
    # The address stays the feed's (the article itself could never be reached there).
    assert client.get("/blog/feed/")["Content-Type"].startswith("application/rss+xml")
