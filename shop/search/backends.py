"""Finding products, articles and FAQ answers for a query, in the database.

PostgreSQL: full-text search with English stemming in an accent-blind
configuration (``kepos_english``), weighted title > summary > body, plus
pg_trgm word similarity so "lactoferin" finds "lactoferrin". The indexes are
created by ``shop/search/migrations/0001_postgres_search.py`` over the same
expressions.

SQLite (the embedded default): every word of the query, lightly stemmed,
must appear in the title, summary or body, ignoring case and accents
(``kp_fold``, a function registered on each SQLite connection). Ranking is
simpler: words in the title count most.

Both return querysets of what a visitor may see, best first, each row
annotated with ``rank``.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from oscar.core.loading import get_model

from blog.models import Article, Section
from shop.core.text import fold, plain_text
from shop.faq.models import FAQEntry

Product = get_model("catalogue", "Product")

CONFIG = "kepos_english"
MAX_QUERY = 200
MAX_WORDS = 10
# pg_trgm word similarity above which a word counts as a typo of one in the text.
TYPO_SIMILARITY = 0.6
SUFFIXES = ("ing", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude English stem for matching by substring: "ferments", "fermented" -> "ferment"."""
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


STOP_WORDS = {
    "about", "does", "from", "have", "that", "there", "this", "what", "when", "where", "which",
    "will", "with", "your",
}  # fmt: skip


@dataclass(frozen=True)
class Query:
    """What the shopper typed, trimmed, and its words folded and stemmed."""

    text: str
    words: tuple[str, ...]

    @property
    def typo_words(self) -> list[str]:
        """Words worth matching loosely (PostgreSQL trigrams): long enough, not filler."""
        words = ("".join(c for c in token if c.isalnum()) for token in self.text.lower().split())
        return [w for w in words if len(w) >= 4 and w not in STOP_WORDS][:MAX_WORDS]

    @classmethod
    def parse(cls, raw: str) -> "Query":
        text = " ".join(str(raw or "").replace("\x00", " ").split())[:MAX_QUERY]
        words = []
        for token in fold(text).split():
            word = "".join(c for c in token if c.isalnum())
            if word and stem(word) not in words:
                words.append(stem(word))
        return cls(text=text, words=tuple(words[:MAX_WORDS]))

    def __bool__(self) -> bool:
        return bool(self.words)


def products_visible():
    return Product.objects.browsable()


def articles_visible():
    return Article.objects.published()


def questions_visible():
    return FAQEntry.objects.visible()


class PostgresSearch:
    def _query(self, query: Query) -> SearchQuery:
        return SearchQuery(query.text, config=CONFIG, search_type="websearch")

    @staticmethod
    def _near_misses(query: Query, *fields: str) -> Q:
        """Every meaningful word is close (trigram word similarity) to a word in one of
        ``fields``: "lactoferin" finds "lactoferrin", "kefir lactoferrin" needs both."""
        words = query.typo_words
        if not words:
            return Q(pk__in=[])
        condition = Q()
        for word in words:
            anywhere = Q()
            for field in fields:
                anywhere |= Q(**{f"{field}__trigram_word_similar": word})
            condition &= anywhere
        return condition

    @staticmethod
    def _vector(*weighted: tuple[str, str]) -> SearchVector:
        vector = None
        for field, weight in weighted:
            part = SearchVector(field, weight=weight, config=CONFIG)
            vector = part if vector is None else vector + part
        return vector

    def products(self, query: Query):
        words = self._query(query)
        return (
            products_visible()
            .annotate(
                document=self._vector(
                    ("title", "A"), ("meta_description", "B"), ("description", "C")
                ),
                typo=Greatest(
                    TrigramWordSimilarity(Value(query.text), "title"),
                    TrigramWordSimilarity(Value(query.text), "description"),
                ),
            )
            .filter(Q(document=words) | self._near_misses(query, "title", "description"))
            .annotate(rank=SearchRank(F("document"), words) + F("typo") * Value(0.1))
            .order_by("-rank", "title", "pk")
        )

    def articles(self, query: Query):
        words = self._query(query)
        sections = Section.objects.filter(article=OuterRef("pk")).annotate(
            document=self._vector(("heading", "B"), ("body", "C"))
        )
        best_section = Subquery(
            sections.filter(document=words)
            .annotate(section_rank=SearchRank(F("document"), words))
            .order_by("-section_rank")
            .values("section_rank")[:1],
            output_field=FloatField(),
        )
        return (
            articles_visible()
            .annotate(
                document=self._vector(("title", "A"), ("summary", "B")),
                typo=Greatest(
                    TrigramWordSimilarity(Value(query.text), "title"),
                    TrigramWordSimilarity(Value(query.text), "summary"),
                ),
            )
            .filter(
                Q(document=words)
                | Exists(sections.filter(document=words))
                | self._near_misses(query, "title", "summary")
            )
            .annotate(
                rank=SearchRank(F("document"), words)
                + Coalesce(best_section, Value(0.0))
                + F("typo") * Value(0.1)
            )
            .order_by("-rank", "-publish_at", "pk")
        )

    def questions(self, query: Query):
        words = self._query(query)
        return (
            questions_visible()
            .annotate(
                document=self._vector(("question", "A"), ("answer", "B")),
                typo=TrigramWordSimilarity(Value(query.text), "question"),
            )
            .filter(Q(document=words) | self._near_misses(query, "question"))
            .annotate(rank=SearchRank(F("document"), words) + F("typo") * Value(0.1))
            .order_by("-rank", "category__position", "position", "pk")
        )


def folded(field: str) -> Func:
    return Func(F(field), function="kp_fold", output_field=TextField())


class SimpleSearch:
    """Every word must appear (as a substring of the folded text); title words rank first."""

    def _matching(self, queryset, query: Query, fields: dict[str, int], extra=None):
        queryset = queryset.annotate(**{f"folded_{name}": folded(name) for name in fields})
        for word in query.words:
            anywhere = Q()
            for name in fields:
                anywhere |= Q(**{f"folded_{name}__contains": word})
            if extra is not None:
                anywhere |= extra(word)
            queryset = queryset.filter(anywhere)
        rank = Value(0)
        for word in query.words:
            for name, weight in fields.items():
                rank = rank + Case(
                    When(**{f"folded_{name}__contains": word}, then=Value(weight)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
        return queryset.annotate(rank=rank)

    def products(self, query: Query):
        fields = {"title": 4, "meta_description": 2, "description": 1}
        return self._matching(products_visible(), query, fields).order_by("-rank", "title", "pk")

    def articles(self, query: Query):
        def in_sections(word: str) -> Q:
            sections = (
                Section.objects.filter(article=OuterRef("pk"))
                .annotate(folded_heading=folded("heading"), folded_body=folded("body"))
                .filter(Q(folded_heading__contains=word) | Q(folded_body__contains=word))
            )
            return Q(Exists(sections))

        fields = {"title": 4, "summary": 2}
        return self._matching(articles_visible(), query, fields, extra=in_sections).order_by(
            "-rank", "-publish_at", "pk"
        )

    def questions(self, query: Query):
        fields = {"question": 4, "answer": 1}
        return self._matching(questions_visible(), query, fields).order_by(
            "-rank", "category__position", "position", "pk"
        )


def search_backend():
    return PostgresSearch() if connection.vendor == "postgresql" else SimpleSearch()


def searchable_text(value) -> str:
    """``kp_fold`` in SQLite: the words of a column (HTML tags dropped), folded."""
    return fold(plain_text(value))


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: give SQLite the fold the simple search uses."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("kp_fold", 1, searchable_text, deterministic=True)
