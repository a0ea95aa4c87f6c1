"""Basket fork: sizes named with their prices, and quantity boxes named for screen readers."""

from oscar.apps.basket import forms
from oscar.templatetags.currency_filters import currency

from shop.catalogue.food import NET_QUANTITY


def variant_label(child, strategy) -> str:
    """A child product's size (its net quantity) or title, with its price."""
    values = {v.attribute.code: v.value for v in child.get_attribute_values()}
    name = str(values.get(NET_QUANTITY) or child.get_title())
    price = strategy.fetch_for_product(child).price
    if not price.exists:
        return name
    return f"{name} – {currency(price.incl_tax, price.currency)}"


class AddToBasketForm(forms.AddToBasketForm):
    def _create_parent_product_fields(self, product):
        super()._create_parent_product_fields(product)
        labels = {
            str(child.pk): variant_label(child, self.basket.strategy)
            for child in product.get_public_children()
        }
        field = self.fields["child_id"]
        field.choices = [(pk, labels.get(str(pk), label)) for pk, label in field.choices]


class SimpleAddToBasketForm(forms.SimpleAddToBasketMixin, AddToBasketForm):
    """Oscar's one-click form, built on the labelled form above."""


class BasketLineForm(forms.BasketLineForm):
    """Oscar's basket line, whose quantity box has no label of its own on the page."""

    def __init__(self, strategy, *args, **kwargs):
        super().__init__(strategy, *args, **kwargs)
        if self.instance.id:
            title = self.instance.product.get_title()
            self.fields["quantity"].widget.attrs["aria-label"] = f"Quantity of {title}"
