"""Who the trader is, the legal pages with every version kept, the cookie and
browser-storage inventory, and shoppers' cancellation requests."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from shop.core.sanitise import document_field, sanitise_document


class TraderIdentity(models.Model):
    """The business behind the shop, as the law requires it named (one row, pk 1).

    Shown on every page and in every order e-mail (Consumer Contracts
    Regulations 2013, Companies Act 2006 trading disclosures, Electronic
    Commerce Regulations 2002) and named as the food business operator.
    """

    class Registry(models.TextChoices):
        ENGLAND_WALES = "England and Wales", "England and Wales"
        SCOTLAND = "Scotland", "Scotland"
        NORTHERN_IRELAND = "Northern Ireland", "Northern Ireland"

    company_name = models.CharField(max_length=120, help_text="As registered, e.g. kēpos Ltd.")
    company_number = models.CharField(
        max_length=8,
        help_text="The 8-character number on the Companies House register.",
    )
    registered_in = models.CharField(
        max_length=32, choices=Registry.choices, default=Registry.ENGLAND_WALES
    )
    registered_office = models.CharField(
        max_length=250, help_text="One line, e.g. Unit 4, 12 Mill Lane, Bristol BS1 4XY."
    )
    vat_number = models.CharField("VAT number", max_length=20, blank=True)
    email = models.EmailField("Customer e-mail")
    phone = models.CharField("Customer phone", max_length=32)
    needs_owner_review = models.BooleanField(
        default=True,
        help_text="Ticked while these are demonstration values: untick once the owner "
        "has entered and checked the real ones.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "trader identity"

    def __str__(self) -> str:
        return self.company_name

    def save(self, *args, **kwargs):
        self.pk = 1  # one trader
        super().save(*args, **kwargs)

    def clean(self):
        number = self.company_number.strip().upper()
        if not (len(number) == 8 and number.isalnum()):
            raise ValidationError(
                {"company_number": "A company number has 8 letters or digits, e.g. 01234567."}
            )
        self.company_number = number

    # What older templates and the food information call the business.
    @property
    def name(self) -> str:
        return self.company_name

    @property
    def address(self) -> str:
        return self.registered_office

    @property
    def registration(self) -> str:
        return f"Registered in {self.registered_in}, company number {self.company_number}"


class LegalPageQuerySet(models.QuerySet):
    def published(self) -> "LegalPageQuerySet":
        return self.filter(current__isnull=False).select_related("current")


class LegalPage(models.Model):
    """A legal document (terms of sale, privacy notice...) whose text is versioned:
    each save of new wording is a new version, and orders point at the version
    the shopper accepted, so the text they agreed to is never lost."""

    class Kind(models.TextChoices):
        TERMS = "terms", "Terms of sale"
        DELIVERY = "delivery", "Delivery terms"
        RETURNS = "returns", "Returns and cancellation"
        PRIVACY = "privacy", "Privacy notice"
        COOKIES = "cookies", "Cookie notice"
        SUBSCRIPTIONS = "subscriptions", "Subscription terms"
        REVIEWS = "reviews", "Review policy"

    kind = models.CharField(max_length=16, choices=Kind.choices, unique=True)
    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    summary = models.CharField(
        max_length=200, help_text="One sentence for search results and link previews."
    )
    current = models.ForeignKey(
        "LegalPageVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="The version shown; set when a new version is saved.",
    )

    objects = LegalPageQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("legal:page", kwargs={"slug": self.slug})


class LegalPageVersion(models.Model):
    """One wording of a legal page; never edited once saved."""

    page = models.ForeignKey(LegalPage, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    body = document_field(help_text="Headings start at level 2 under the page's title.")
    change_summary = models.CharField(max_length=200, blank=True)
    published_at = models.DateTimeField(default=timezone.now)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    needs_owner_review = models.BooleanField(
        default=False,
        help_text="Demonstration wording the owner must have checked (with a solicitor) "
        "before the shop trades.",
    )

    class Meta:
        ordering = ["page", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["page", "number"], name="legal_version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.page.title}, version {self.number} ({self.published_at:%d %b %Y})"

    def save(self, *args, **kwargs):
        self.body = sanitise_document(self.body)  # whoever saves it, not only the admin form
        super().save(*args, **kwargs)

    @property
    def body_html(self) -> SafeString:
        """The wording for a template, sanitised again (defence in depth)."""
        return mark_safe(sanitise_document(self.body))  # noqa: S308 (nh3 output)


class StorageItemQuerySet(models.QuerySet):
    def in_order(self) -> "StorageItemQuerySet":
        return self.order_by("-strictly_necessary", "kind", "name")


class StorageItem(models.Model):
    """A cookie or browser-storage key the site can set, as shown on the cookie notice.

    A test visits every page and fails on any cookie or key missing here, so the
    notice cannot fall behind the code.
    """

    class Kind(models.TextChoices):
        COOKIE = "cookie", "Cookie"
        SESSION_STORAGE = "sessionStorage", "Session storage (cleared when the tab closes)"
        LOCAL_STORAGE = "localStorage", "Local storage"

    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.COOKIE)
    set_by = models.CharField(max_length=80, default="kēpos (this website)")
    purpose = models.CharField(max_length=300)
    lifetime = models.CharField(max_length=80, help_text="e.g. 2 weeks, or until you close the tab")
    strictly_necessary = models.BooleanField(
        default=True,
        help_text="Needed for something you asked for (the basket, signing in, paying); "
        "anything else is set only after you accept optional cookies.",
    )
    where = models.CharField(max_length=120, blank=True, help_text="e.g. staff pages only")

    objects = StorageItemQuerySet.as_manager()

    class Meta:
        ordering = ["-strictly_necessary", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "kind"], name="legal_storage_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


from shop.legal.cancellation_models import CancellationRequest  # noqa: E402,F401
