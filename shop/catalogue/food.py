"""UK food information for product pages (Food Information Regulations 2014).

The facts live in Oscar product attributes, so staff edit them in the
dashboard's product form; the product class's ``food_kind`` decides which
of them a page must show. A child product inherits its parent's values and
overrides its own (e.g. net quantity and volume per size).
"""

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Attribute codes that carry food information. Anything else a product has
# is shown in the general "Product information" table.
INGREDIENTS = "ingredients"
ALLERGENS = "allergens"  # comma-separated phrases, emphasised where they occur in the ingredients
NET_QUANTITY = "net_quantity"
STORAGE = "storage"
SHELF_LIFE = "shelf_life"
DAILY_DOSE = "daily_dose"
FOOD_ATTRIBUTE_CODES = frozenset(
    {INGREDIENTS, ALLERGENS, NET_QUANTITY, STORAGE, SHELF_LIFE, DAILY_DOSE}
)

# Statements the law requires on food supplements, word for word.
SUPPLEMENT_STATEMENTS = (
    "Do not exceed the recommended daily dose.",
    "Food supplements should not be used as a substitute for a varied diet.",
    "Keep out of reach of children.",
)


@dataclass(frozen=True)
class FoodInformation:
    kind: str
    ingredients: str = ""
    allergens: tuple[str, ...] = ()
    net_quantity: str = ""
    storage: str = ""
    shelf_life: str = ""
    daily_dose: str = ""

    @property
    def is_supplement(self) -> bool:
        return self.kind == "supplement"

    @property
    def is_drink(self) -> bool:
        return self.kind == "drink"

    @property
    def supplement_statements(self) -> tuple[str, ...]:
        return SUPPLEMENT_STATEMENTS if self.is_supplement else ()

    @property
    def ingredients_html(self) -> SafeString:
        return emphasise_allergens(self.ingredients, self.allergens)


def food_information_for(product) -> FoodInformation | None:
    """The food information of a product, or None when its class is not food.

    Reads ``product.get_attribute_values()``, which costs no query when the
    product was loaded with ``prefetch_attribute_values()``.
    """
    kind = product.get_product_class().food_kind
    if not kind:
        return None
    values = {value.attribute.code: value.value for value in product.get_attribute_values()}
    return FoodInformation(
        kind=kind,
        ingredients=str(values.get(INGREDIENTS) or ""),
        allergens=split_allergens(str(values.get(ALLERGENS) or "")),
        net_quantity=str(values.get(NET_QUANTITY) or ""),
        storage=str(values.get(STORAGE) or ""),
        shelf_life=str(values.get(SHELF_LIFE) or ""),
        daily_dose=str(values.get(DAILY_DOSE) or ""),
    )


def split_allergens(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def emphasise_allergens(ingredients: str, allergens: tuple[str, ...]) -> SafeString:
    """Escape the ingredients and wrap each allergen phrase in <strong>.

    Phrases match case-insensitively on word boundaries, longest first, so
    "goat's milk" wins over "milk" where both are declared.
    """
    text = escape(ingredients)
    phrases = sorted({escape(a) for a in allergens if a}, key=len, reverse=True)
    if not phrases:
        return mark_safe(text)  # noqa: S308 (escaped above)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)", re.IGNORECASE
    )
    return mark_safe(pattern.sub(r"<strong>\1</strong>", text))  # noqa: S308 (escaped text)
