"""Questions and answers by category; an answer may quote the live delivery rules.

The tables keep the names they had when these models lived in the blog
(``blog_faqcategory``, ``blog_faqentry``): moving the code moved no data.
"""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify

from shop.core import placeholders
from shop.core.sanitise import rich_text_field


class FAQCategory(models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(unique=True, help_text="The category's anchor on the FAQ page.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        db_table = "blog_faqcategory"
        ordering = ["position", "name"]
        verbose_name = "FAQ category"
        verbose_name_plural = "FAQ categories"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("faq:index") + f"#{self.slug}"


class FAQEntryQuerySet(models.QuerySet):
    def visible(self) -> "FAQEntryQuerySet":
        return self.filter(is_visible=True)


class FAQEntry(models.Model):
    """One question and its answer, written once and linked from articles and pages."""

    question = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="The question's anchor: /faq/#this-slug."
    )
    answer = rich_text_field(
        help_text="Quote the live delivery rules rather than copying them: {threshold}, "
        "{method}, {charge} and {cutoff} are filled in from the headline delivery method.",
    )
    category = models.ForeignKey(FAQCategory, on_delete=models.PROTECT, related_name="entries")
    position = models.PositiveSmallIntegerField(default=0)
    is_visible = models.BooleanField(default=True)
    products = models.ManyToManyField(
        "catalogue.Product",
        blank=True,
        related_name="faq_entries",
        verbose_name="shown on these product pages",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = FAQEntryQuerySet.as_manager()

    class Meta:
        db_table = "blog_faqentry"
        ordering = ["category__position", "position", "pk"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self) -> str:
        return self.question

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.question)[:80]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("faq:index") + f"#{self.slug}"

    def clean(self):
        from shop.faq.answers import PLACEHOLDERS

        placeholders.check(self.answer, PLACEHOLDERS, "answer")
