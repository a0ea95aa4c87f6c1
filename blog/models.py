"""The science blog: structured articles, authors, revisions.

An article is not one blob: takeaways, sections, references, FAQ links and
related products are rows of their own, in order, so pages, JSON-LD and
revisions can use each part.

Workflow: a draft is private; a published article is public from its
``publish_at`` (a future time means "scheduled": visibility is a query, no
cron needed); an archived article stays readable at its address but leaves
lists, feeds and sitemaps.
"""

import html
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify

from shop.core.sanitise import rich_text_field
from shop.core.text import first_free

doi_validator = RegexValidator(
    r"^10\.\d{4,9}/\S+$", "Enter a DOI like 10.1038/s41598-024-72793-2 (without https://doi.org/)."
)
pmid_validator = RegexValidator(r"^[1-9]\d{0,8}$", "Enter a PubMed ID: digits only, like 37657523.")
CITATION = re.compile(r"\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]")


RESERVED_SLUGS = {"feed", "category", "tag", "author", "preview"}  # the blog's own URLs


def not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(f"“{slug}” is one of the blog's own addresses; choose another slug.")


def comparable(text: str) -> str:
    """Text as a reader sees it, for "does this sentence appear there": no tags or
    citation marks, entities decoded, curly quotes straightened, spaces collapsed,
    case and a closing full stop ignored."""
    text = html.unescape(strip_tags(text)).translate(STRAIGHT_QUOTES)
    text = re.sub(r"\s*\[\d+(?:[,\u2013-]\s*\d+)*\]", "", text)
    return " ".join(text.split()).rstrip(".").casefold()


STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def cited_numbers(html: str) -> set[int]:
    """Reference numbers cited in text as [1], [2, 3] or [4–6]."""
    numbers: set[int] = set()
    for group in CITATION.findall(strip_tags(html or "")):
        for part in re.split(r"\s*,\s*", group):
            bounds = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
            numbers.update(range(bounds[0], bounds[-1] + 1))
    return numbers


class Author(models.Model):
    """An in-house byline with a page of its own (demo content uses a team, not a person)."""

    class Kind(models.TextChoices):
        ORGANIZATION = "organization", "A team or organisation"
        PERSON = "person", "A named person"

    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    kind = models.CharField(
        "Byline is",
        max_length=12,
        choices=Kind.choices,
        default=Kind.ORGANIZATION,
        help_text="How search engines are told who wrote it.",
    )
    job_title = models.CharField(max_length=120, blank=True)
    bio = rich_text_field(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blog:author", kwargs={"slug": self.slug})


class Category(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blog:category", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField(max_length=60)
    slug = models.SlugField(unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("blog:tag", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def visible(self, now=None) -> "ArticleQuerySet":
        """Readable by the public at its address: published or archived, and due."""
        return self.filter(
            status__in=[Article.Status.PUBLISHED, Article.Status.ARCHIVED],
            publish_at__lte=now or timezone.now(),
        )

    def published(self, now=None) -> "ArticleQuerySet":
        """Shown in lists, feeds and sitemaps: published and due."""
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def for_listing(self) -> "ArticleQuerySet":
        """What an article card shows, in a fixed number of queries."""
        return self.select_related("author").prefetch_related("categories", "tags")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published (scheduled if the time is in the future)"
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, validators=[not_reserved])
    summary = models.TextField(
        max_length=500, help_text="One or two sentences for lists and search."
    )
    hero_image = models.ImageField(upload_to="blog/%Y/%m/", blank=True)
    # Drawn when there is no hero (title on the brand background), for link previews.
    social_image = models.ImageField(upload_to="blog/social/", blank=True, editable=False)
    hero_alt = models.CharField(
        "Hero image description",
        max_length=200,
        blank=True,
        help_text="For people who cannot see it.",
    )
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="articles")
    categories = models.ManyToManyField(Category, related_name="articles", blank=True)
    tags = models.ManyToManyField(Tag, related_name="articles", blank=True)
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        "Publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="UK time. In the future: scheduled.",
    )
    disclaimer = models.TextField(
        blank=True, help_text="Leave empty for the site-wide medical disclaimer."
    )
    seo_title = models.CharField("SEO title", max_length=70, blank=True)
    seo_description = models.CharField("SEO description", max_length=160, blank=True)
    last_reviewed_on = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        Author, on_delete=models.PROTECT, null=True, blank=True, related_name="reviews"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("blog:article", kwargs={"slug": self.slug})

    def clean(self):
        if self.status != self.Status.DRAFT and not self.publish_at:
            raise ValidationError({"publish_at": "Set when the article goes live (now, or later)."})
        if self.hero_image and not self.hero_alt:
            raise ValidationError({"hero_alt": "Describe the hero image for screen readers."})
        if self.last_reviewed_on and not self.reviewed_by:
            raise ValidationError({"reviewed_by": "Say who reviewed the article."})

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def state(self) -> str:
        return "Scheduled" if self.is_scheduled else self.get_status_display().split(" (")[0]

    @property
    def meta_title(self) -> str:
        return self.seo_title or self.title

    @property
    def meta_description(self) -> str:
        return self.seo_description or self.summary


class KeyTakeaway(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="takeaways")
    text = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class Section(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(
        max_length=80, blank=True, help_text="Set from the heading when first saved, then kept."
    )
    body = rich_text_field()
    pull_quote = models.CharField(
        max_length=240,
        blank=True,
        help_text="Optional: one sentence copied from this section, set large beside it. "
        "It must appear word for word in the section, so it says nothing the text does not.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["article", "anchor"], name="section_anchor_unique_in_article"
            )
        ]

    def __str__(self) -> str:
        return self.heading

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = self.unique_anchor()
        super().save(*args, **kwargs)

    def clean(self):
        """A pull quote repeats the section (so the claims check and the references that
        cover the section cover it too); it never adds words of its own."""
        super().clean()
        if self.pull_quote and comparable(self.pull_quote) not in comparable(self.body):
            raise ValidationError(
                {"pull_quote": "Copy a sentence from this section's text, word for word."}
            )

    def unique_anchor(self) -> str:
        base = slugify(self.heading)[:70] or "section"
        taken = set(
            Section.objects.filter(article_id=self.article_id)
            .exclude(pk=self.pk)
            .values_list("anchor", flat=True)
        )
        return first_free(base, taken.__contains__)

    @property
    def word_count(self) -> int:
        return len(strip_tags(self.body).split())


class Reference(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="references")
    number = models.PositiveSmallIntegerField(help_text="Cited in the text as [number].")
    authors = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=300)
    journal = models.CharField("Journal or publisher", max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    pmid = models.CharField("PubMed ID", max_length=9, blank=True, validators=[pmid_validator])
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[doi_validator])
    url = models.URLField("Link", blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="reference_number_unique")
        ]

    def __str__(self) -> str:
        return f"[{self.number}] {self.authors} ({self.year}). {self.title}"

    @property
    def pubmed_url(self) -> str:
        return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/" if self.pmid else ""

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""

    @property
    def link(self) -> str:
        """The best link: PubMed, then the DOI, then the plain URL."""
        return self.pubmed_url or self.doi_url or self.url


class ArticleFAQ(models.Model):
    """An article's FAQ block: ordered links to FAQ entries (one answer, one place)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="faq_links")
    entry = models.ForeignKey(
        "faq.FAQEntry", on_delete=models.CASCADE, related_name="article_links"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"
        constraints = [
            models.UniqueConstraint(fields=["article", "entry"], name="article_faq_unique")
        ]

    def __str__(self) -> str:
        return str(self.entry)


class ArticleProduct(models.Model):
    """A product the article discusses: shown as a "shop the article" card."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="product_links")
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="article_links"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = "related product"
        constraints = [
            models.UniqueConstraint(fields=["article", "product"], name="article_product_unique")
        ]

    def __str__(self) -> str:
        return str(self.product)


class RevisionRecord(models.Model):
    """One save of something kept in revisions (blog.revisions): who, when, why, and the
    snapshot. Articles and landing pages each add the foreign key to what was saved."""

    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    data = models.JSONField()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        owner = getattr(self, "article", None) or getattr(self, "page", None)
        return f"{owner} at {timezone.localtime(self.created_at):%d %b %Y %H:%M}"


class Revision(RevisionRecord):
    """The whole article as it was after one save: fields, parts and links."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")

    class Meta(RevisionRecord.Meta):
        pass


class BlogSettings(models.Model):
    """Site-wide blog text marketers edit once (one row)."""

    default_disclaimer = models.TextField(
        default=(
            "This article is for education only. It is not medical advice and is not a "
            "substitute for care from a qualified health professional. Talk to your GP or "
            "pharmacist before changing your diet or taking supplements, especially if you are "
            "pregnant, breastfeeding, taking medicines or managing a health condition."
        )
    )

    class Meta:
        verbose_name = verbose_name_plural = "blog settings"

    def __str__(self) -> str:
        return "Blog settings"

    @classmethod
    def current(cls) -> "BlogSettings":
        return cls.objects.first() or cls()
