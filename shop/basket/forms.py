"""Basket fork: sizes named with their prices and unit prices, and quantity boxes named
for screen readers."""

from django import forms as django_forms
from oscar.apps.basket import forms
from oscar.templatetags.currency_filters import currency

from shop.catalogue.food import NET_QUANTITY
from shop.catalogue.unit_price import unit_price_of
from shop.subscriptions import options as subscription_options
from shop.subscriptions.models import offer_for, weeks_label

ONE_OFF, SUBSCRIBE = "once", "subscribe"


def priced(product, amount, price_currency) -> str:
    """An amount as shoppers read it, with the product's unit price where it has one."""
    words = currency(amount, price_currency)
    each = unit_price_of(product, amount, price_currency)
    return f"{words} ({each})" if each else words


def variant_label(child, strategy) -> str:
    """A child product's size (its net quantity) or title, with its price."""
    values = {v.attribute.code: v.value for v in child.get_attribute_values()}
    name = str(values.get(NET_QUANTITY) or child.get_title())
    price = strategy.fetch_for_product(child).price
    if not price.exists:
        return name
    return f"{name} – {priced(child, price.incl_tax, price.currency)}"


def headline_offer(product):
    """The subscription offer the product page advertises: the product's own (which
    covers its sizes), else its first size's."""
    offer = offer_for(product)
    if offer is None and product.is_parent:
        for child in product.get_public_children():
            offer = offer_for(child)
            if offer is not None:
                break
    return offer


class AddToBasketForm(forms.AddToBasketForm):
    """Oscar's form, with sizes priced and, where offered, "One-off" or
    "Subscribe & save" every few weeks."""

    offers_subscription = True

    def __init__(self, basket, product, *args, **kwargs):
        super().__init__(basket, product, *args, **kwargs)
        self.offer = headline_offer(product) if self.offers_subscription else None
        if self.offer is not None:
            self._create_subscription_fields(product, self.offer)
        # what to buy first (size, one-off or subscription), then how many
        self.order_fields(["child_id", "purchase", "deliver_every", "quantity"])

    def _create_subscription_fields(self, product, offer):
        saving = f"Subscribe & save {offer.saving_percent}%"
        if not product.is_parent:
            info = self.basket.strategy.fetch_for_product(product)
            if info.price.exists:
                each = offer.price_per_delivery(info.price.incl_tax)
                saving += f": {priced(product, each, info.price.currency)} per delivery"
        self.fields["purchase"] = django_forms.ChoiceField(
            label="How would you like it?",
            choices=[(ONE_OFF, "One-off purchase"), (SUBSCRIBE, saving)],
            initial=ONE_OFF,
            required=False,  # product cards post without it: one-off
            widget=django_forms.RadioSelect(attrs={"class": "form-check-input"}),
        )
        self.fields["deliver_every"] = django_forms.TypedChoiceField(
            label="Deliver every",
            coerce=int,
            choices=[(w, weeks_label(w)) for w in offer.frequencies],
            initial=offer.default_weeks,
            required=False,
            help_text="For subscriptions. Skip, pause or cancel any time in your account.",
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("purchase") != SUBSCRIBE:
            return cleaned
        offer = offer_for(self.product)
        weeks = cleaned.get("deliver_every")
        if offer is None:
            raise django_forms.ValidationError(
                f"{self.product.get_title()} can't be subscribed to. Please buy it one-off."
            )
        if weeks not in offer.frequencies:
            offered = ", ".join(weeks_label(w) for w in offer.frequencies)
            self.add_error("deliver_every", f"Choose how often: every {offered}.")
        return cleaned

    def cleaned_options(self):
        options = super().cleaned_options()
        if self.cleaned_data.get("purchase") == SUBSCRIBE:
            options += subscription_options.line_options(self.cleaned_data["deliver_every"])
        return options

    def _create_parent_product_fields(self, product):
        super()._create_parent_product_fields(product)
        labels = {
            str(child.pk): variant_label(child, self.basket.strategy)
            for child in product.get_public_children()
        }
        field = self.fields["child_id"]
        field.label = "Size"  # Oscar's "Variant" means nothing to a shopper
        field.choices = [(pk, labels.get(str(pk), label)) for pk, label in field.choices]


class SimpleAddToBasketForm(forms.SimpleAddToBasketMixin, AddToBasketForm):
    """Oscar's one-click form (product cards), built on the labelled form above: one-off
    purchases; subscribing is chosen on the product page."""

    offers_subscription = False


class BasketLineForm(forms.BasketLineForm):
    """Oscar's basket line, whose quantity box has no label of its own on the page."""

    def __init__(self, strategy, *args, **kwargs):
        super().__init__(strategy, *args, **kwargs)
        if self.instance.id:
            title = self.instance.product.get_title()
            self.fields["quantity"].widget.attrs["aria-label"] = f"Quantity of {title}"
