"""One search over the site, grouped: Products, Articles, Questions.

The overview shows the best few of each group with its count; a group's own
page (``?group=products``) pages through all of it. Each group costs a count
and one page of rows (plus the product card's fixed prefetches), however
many results there are.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse

from shop.core.text import fold, plain_text
from shop.faq.answers import shown_entries
from shop.search.backends import Query, search_backend
from shop.search.snippets import highlight


@dataclass(frozen=True)
class GroupSpec:
    label: str
    preview: int  # shown on the overview
    per_page: int  # on the group's own page


GROUPS = {
    "products": GroupSpec("Products", 8, 24),
    "articles": GroupSpec("Articles", 4, 12),
    "questions": GroupSpec("Questions", 5, 20),
}


@dataclass
class Hit:
    """An article or a question with its highlighted snippet."""

    item: object
    snippet: str
    url: str
    title: str


@dataclass
class Group:
    key: str
    label: str
    count: int
    items: list = field(default_factory=list)
    page: object = None  # a Page on the group's own page

    @property
    def more(self) -> int:
        return self.count - len(self.items)


class SiteSearch:
    def __init__(self, query: Query, request):
        self.query = query
        self.request = request
        self.backend = search_backend()

    def url(self, group: str | None = None, page: int | None = None) -> str:
        params = {"q": self.query.text}
        if group:
            params["group"] = group
        if page and page > 1:
            params["page"] = page
        return reverse("search:search") + "?" + urlencode(params)

    def overview(self) -> list[Group]:
        return [self.group(key) for key in GROUPS]

    def group(self, key: str, page_number=None) -> Group:
        spec = GROUPS[key]
        if not self.query:
            return Group(key, spec.label, 0)
        if key == "questions":
            return self._questions(spec, page_number)
        queryset = getattr(self.backend, key)(self.query)
        if key == "products":
            queryset = queryset.for_listing()
        else:
            queryset = queryset.select_related("author").prefetch_related("sections")
        if page_number is None:
            count = queryset.count()
            rows = list(queryset[: spec.preview]) if count else []
            return Group(key, spec.label, count, self._present(key, rows))
        page = Paginator(queryset, spec.per_page).get_page(page_number)
        return Group(key, spec.label, page.paginator.count, self._present(key, page), page)

    def _questions(self, spec: GroupSpec, page_number) -> Group:
        # Few enough to load: answers whose live values cannot be filled are dropped.
        entries = list(self.backend.questions(self.query).select_related("category"))
        shown = shown_entries(entries, self.request)
        words = self.query.words
        hits = [
            Hit(item, highlight(item.answer, words), item.entry.get_absolute_url(), item.question)
            for item in shown
        ]
        if page_number is None:
            return Group("questions", spec.label, len(hits), hits[: spec.preview])
        page = Paginator(hits, spec.per_page).get_page(page_number)
        return Group("questions", spec.label, len(hits), list(page), page)

    def _present(self, key: str, rows) -> list:
        if key == "products":
            return list(rows)
        return [
            Hit(article, self._article_snippet(article), article.get_absolute_url(), article.title)
            for article in rows
        ]

    def _article_snippet(self, article):
        """From the summary, or else the first section that has one of the words."""
        words = self.query.words
        for text in (article.summary, *(section.body for section in article.sections.all())):
            folded = fold(plain_text(text))
            if any(word in folded for word in words):
                return highlight(text, words)
        return highlight(article.summary, words)
