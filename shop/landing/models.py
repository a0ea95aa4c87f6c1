"""A landing page is an ordered list of blocks (hero, benefits, products, FAQ...), each of
one kind with the few fields that kind uses. Block text is sanitised like article
sections; a page is a draft until published, and scheduled when published for later."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from blog.models import RevisionRecord
from shop.core.sanitise import rich_text_field

# The fields of a block the claims check reads, each as a part of its own.
BLOCK_TEXT = ["heading", "body", "items"]
RESERVED_SLUGS = {"admin", "dashboard", "basket", "checkout", "accounts", "preview"}


class LandingPageQuerySet(models.QuerySet):
    def visible(self, now=None) -> "LandingPageQuerySet":
        return self.filter(
            status=LandingPage.Status.PUBLISHED, publish_at__lte=now or timezone.now()
        )

    def home(self, now=None) -> "LandingPage | None":
        """The home page shoppers see now: the last published of those marked as home."""
        return self.visible(now).filter(is_home=True).order_by("-publish_at", "-pk").first()


class LandingPage(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published (scheduled if the time is in the future)"
        ARCHIVED = "archived", "Archived"

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True, help_text="The page is at /p/<slug>/.")
    seo_title = models.CharField("SEO title", max_length=70, blank=True)
    seo_description = models.CharField("SEO description", max_length=160, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(null=True, blank=True)
    is_home = models.BooleanField(
        "Use as the home page",
        default=False,
        help_text=(
            "Shown at / once published. When several are, the one published last is the home"
            " page: schedule a new one and it takes over at its time."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = LandingPageQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("landing:page", kwargs={"slug": self.slug})

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": "That address is used by the shop: choose another."})
        if self.status == self.Status.PUBLISHED and not self.publish_at:
            raise ValidationError({"publish_at": "Set when the page goes live (now, or later)."})

    @property
    def is_scheduled(self) -> bool:
        return self.status == self.Status.PUBLISHED and bool(
            self.publish_at and self.publish_at > timezone.now()
        )

    def claims_parts(self) -> list[tuple[str, str]]:
        parts = [("Title", self.title), ("SEO description", self.seo_description)]
        for number, block in enumerate(self.blocks.all(), start=1):
            parts += [(f"Block {number}", getattr(block, name)) for name in BLOCK_TEXT]
        return [part for part in parts if part[1]]


def link_validator(value: str) -> None:
    """A button goes to a page of this site (/path) or a secure address elsewhere."""
    parts = urlsplit(value)
    if value.startswith("/") and not value.startswith("//"):
        return
    if parts.scheme == "https" and parts.netloc:
        return
    raise ValidationError("Use a path on this site (/blog/) or an https:// address.")


class Block(models.Model):
    class Kind(models.TextChoices):
        HERO = "hero", "Hero: image, headline and a button"
        BENEFITS = "benefits", "Benefits (one per line: Title | text)"
        STEPS = "steps", "How it works (one step per line: Title | text)"
        SCIENCE = "science", "Science highlights (articles)"
        PRODUCTS = "products", "Product grid"
        PRODUCT = "product", "One product with add to basket"
        REVIEWS = "reviews", "Reviews from verified buyers (of the chosen products)"
        COMPARISON = "comparison", "Comparison table (first line: headings; then rows, | between)"
        FAQ = "faq", "Questions and answers"
        NEWSLETTER = "newsletter", "Newsletter sign-up"
        TEXT = "text", "Rich text"
        LINES = "lines", "Our product lines (each with its sections and best sellers)"

    page = models.ForeignKey(LandingPage, on_delete=models.CASCADE, related_name="blocks")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    heading = models.CharField(max_length=200, blank=True)
    body = rich_text_field(blank=True)
    items = models.TextField(
        blank=True, help_text="Benefits, steps and comparison rows: one per line, | between."
    )
    image = models.ImageField(upload_to="landing/%Y/%m/", blank=True)
    image_alt = models.CharField("Image description", max_length=200, blank=True)
    button_label = models.CharField(max_length=60, blank=True)
    button_link = models.CharField(
        max_length=300, blank=True, validators=[link_validator, RegexValidator(r"^\S*$")]
    )
    products = models.ManyToManyField("catalogue.Product", blank=True, related_name="+")
    articles = models.ManyToManyField("blog.Article", blank=True, related_name="+")
    faq_entries = models.ManyToManyField(
        "faq.FAQEntry", blank=True, related_name="+", verbose_name="questions"
    )

    # What each kind shows (templates/landing/blocks/<kind>.html); the editor hides the rest.
    FIELDS_BY_KIND = {
        Kind.HERO: ["heading", "body", "image", "image_alt", "button_label", "button_link"],
        Kind.BENEFITS: ["heading", "body", "items"],
        Kind.STEPS: ["heading", "body", "items"],
        Kind.SCIENCE: ["heading", "body", "articles"],
        Kind.PRODUCTS: ["heading", "body", "products"],
        Kind.PRODUCT: ["heading", "body", "products"],
        Kind.REVIEWS: ["heading", "products"],
        Kind.COMPARISON: ["heading", "items"],
        Kind.FAQ: ["heading", "faq_entries"],
        Kind.NEWSLETTER: ["heading", "body"],
        Kind.TEXT: ["heading", "body", "image", "image_alt"],
        Kind.LINES: ["heading", "body"],
    }

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display().split(':')[0]}: {self.heading}".rstrip(": ")

    def clean(self):
        if self.image and not self.image_alt:
            raise ValidationError({"image_alt": "Describe the image for screen readers."})
        if self.kind == self.Kind.HERO and not self.heading:
            raise ValidationError({"heading": "A hero needs a headline."})
        if bool(self.button_label) != bool(self.button_link):
            raise ValidationError({"button_link": "A button needs both a label and a link."})
        if self.kind in (self.Kind.BENEFITS, self.Kind.STEPS, self.Kind.COMPARISON) and not (
            self.items.strip()
        ):
            raise ValidationError({"items": "Write at least one line."})

    def rows(self) -> list[list[str]]:
        """``items`` as rows of cells (blank lines skipped)."""
        return [
            [cell.strip() for cell in line.split("|")]
            for line in self.items.splitlines()
            if line.strip()
        ]


class Revision(RevisionRecord):
    """The whole page as it was after one save: its fields and every block."""

    page = models.ForeignKey(LandingPage, on_delete=models.CASCADE, related_name="revisions")

    class Meta(RevisionRecord.Meta):
        pass
