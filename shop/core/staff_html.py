"""Every field where staff write HTML, sanitised on save (whoever saves it: a form,
the admin, Oscar's dashboard, a loader) so that templates, Oscar's ``|safe``
included, only ever print the allow-list of ``shop.core.sanitise``.

Models we do not fork (offers, ranges, flat pages) get a ``pre_save`` receiver
like the rest; rows stored before this existed are cleaned by the data
migration ``shop_core.0001``. ``QuerySet.update()`` bypasses signals: code that
writes these fields must save instances.

Every other text field staff write (names, titles, help texts, shipping
method descriptions) is plain text and must be escaped wherever it is shown;
``tests/security/test_staff_html.py`` puts one payload in all of them and reads
every page that shows them.
"""

from django.apps import apps
from django.db.models.signals import pre_save
from django.utils.html import escape

from shop.core.sanitise import sanitise_html
from shop.core.text import plain_text

# "app_label.ModelName" -> the fields stored (and printed) as HTML.
HTML_FIELDS: dict[str, tuple[str, ...]] = {
    "catalogue.Product": ("description",),
    "catalogue.Category": ("description", "long_description"),
    "catalogue.ProductAttributeValue": ("value_richtext",),
    "offer.ConditionalOffer": ("description",),
    "offer.Range": ("description",),
    "flatpages.FlatPage": ("content",),
    "blog.Author": ("bio",),
    "blog.Section": ("body",),
    "faq.FAQEntry": ("answer",),
    # Written by code from templates that quote staff text (product titles);
    # Oscar prints both with |safe in the customer's account.
    "communication.Notification": ("subject", "body"),
}


def sanitise_fields(instance, fields: tuple[str, ...]) -> None:
    for name in fields:
        value = getattr(instance, name)
        if value:
            limit = instance._meta.get_field(name).max_length
            setattr(instance, name, fit(sanitise_html(value), limit))


def fit(html: str, max_length: int | None) -> str:
    """``html`` as it is if it fits the column, else its text, shortened and escaped
    (escaping can lengthen text, and a cut tag would break the page)."""
    if max_length is None or len(html) <= max_length:
        return html
    text = plain_text(html)
    while len(escape(text)) > max_length:
        text = text[: max_length - (len(escape(text)) - max_length) - 1]
    return escape(text)


def _receiver(fields: tuple[str, ...]):
    def sanitise_before_save(sender, instance, raw=False, **kwargs):
        sanitise_fields(instance, fields)  # fixtures (raw) too: they are input like any other

    return sanitise_before_save


def connect_receivers() -> None:
    for label, fields in HTML_FIELDS.items():
        model = apps.get_model(label)
        pre_save.connect(_receiver(fields), sender=model, weak=False, dispatch_uid=f"html:{label}")
