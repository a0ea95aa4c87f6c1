"""Food labels: nutrition declarations per 100 ml or 100 g and supplement ingredient tables,
shown on product pages and edited by staff on the dashboard's product page."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shop.labelling import rounding
from shop.labelling.labels import nutrition_for, per_unit
from shop.labelling.models import NutritionDeclaration, SupplementFacts, SupplementIngredient
from tests import factories
from tests.pages import form_data, text_of

GOAT_KEFIR = {
    "basis": "100ml",
    "energy_kj": D("276"),
    "energy_kcal": D("66"),
    "fat": D("3.84"),
    "saturates": D("2.5"),
    "carbohydrate": D("4.2"),
    "sugars": D("4.2"),
    "protein": D("3.4"),
    "salt": D("0.125"),
}


@pytest.mark.parametrize(
    ("value", "shown"),
    [(D("12.5"), "13 g"), (D("10"), "10 g"), (D("3.84"), "3.8 g"), (D("0.51"), "0.5 g")]
    + [(D("0.5"), "<0.5 g"), (D("0"), "<0.5 g")],
)
def test_fat_carbohydrate_sugars_and_protein_round_by_size(value, shown):
    assert rounding.macronutrient(value) == shown


def test_saturates_round_to_a_tenth_down_to_under_0_1_g():
    assert [rounding.saturates(D(v)) for v in ("11.4", "2.55", "0.11", "0.1")] == [
        "11 g",
        "2.6 g",
        "0.1 g",
        "<0.1 g",
    ]


def test_salt_rounds_to_a_tenth_from_1_g_then_to_a_hundredth():
    assert [rounding.salt(D(v)) for v in ("1.25", "0.125", "0.013", "0.0125")] == [
        "1.3 g",
        "0.13 g",
        "0.01 g",
        "<0.01 g",
    ]


def test_energy_is_a_whole_number():
    assert rounding.energy(D("275.5")) == "276"


def test_amount_per_capsule_divides_the_daily_dose():
    assert per_unit(D("1000"), 2) == D("500")
    assert per_unit(D("1"), 3) == D("0.333")
    assert per_unit(D("3.5"), 1) == D("3.5")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"saturates": D("4")}, "saturates", "can't be more than the fat"),
        ({"sugars": D("5")}, "sugars", "can't be more than it"),
        ({"energy_kj": D("66"), "energy_kcal": D("276")}, "energy_kj", "swapped"),
        ({"basis": "100g", "carbohydrate": D("99"), "sugars": D("1")}, "fat", "over 100 g"),
    ],
)
def test_impossible_nutrition_values_are_refused_with_a_reason(change, field, words):
    declaration = NutritionDeclaration(product=factories.product("Kefir", "4.49"), **GOAT_KEFIR)
    for name, value in change.items():
        setattr(declaration, name, value)

    with pytest.raises(ValidationError) as refused:
        declaration.full_clean()

    assert words in " ".join(refused.value.message_dict[field])


@pytest.mark.django_db
def test_a_supplement_must_be_named_a_food_supplement():
    facts = SupplementFacts(
        product=factories.product("kēpos", "39.99"), name_of_food="Gut health capsules"
    )

    with pytest.raises(ValidationError) as refused:
        facts.full_clean()

    assert "food supplement" in refused.value.message_dict["name_of_food"][0]


def drink():
    kefir = factories.parent_with_sizes(
        "Goat's Milk Kefir",
        {"500 ml": ("4.49", {"pack": (500, "ml")}), "1 litre": ("7.99", {"pack": (1000, "ml")})},
        attributes={"ingredients": "Goat's milk, kefir cultures."},
    )
    NutritionDeclaration.objects.create(product=kefir, **GOAT_KEFIR)
    return kefir


@pytest.mark.django_db
def test_drink_page_shows_the_nutrition_declaration_per_100_ml(client):
    text = text_of(client.get(drink().get_absolute_url()))

    assert "Typical values per 100 ml" in text
    assert "Energy 276 kJ / 66 kcal" in text
    assert "Fat 3.8 g of which saturates 2.5 g" in text
    assert "Carbohydrate 4.2 g of which sugars 4.2 g Protein 3.4 g Salt 0.13 g" in text


@pytest.mark.django_db
def test_a_size_carries_its_parents_nutrition_declaration():
    kefir = drink()

    label = nutrition_for(kefir.children.first())

    assert label["declaration"].product == kefir
    assert label["rows"][0].value == "276 kJ / 66 kcal"


def kepos():
    item = factories.product("kēpos daily gut health", "39.99")
    SupplementFacts.objects.create(
        product=item,
        name_of_food="Food supplement with human milk oligosaccharides and lactoferrin",
        dose_units=2,
        unit_name="capsule",
    )
    for position, (name, amount) in enumerate([("HMO blend", "1000"), ("Lactoferrin", "200")]):
        SupplementIngredient.objects.create(
            product=item, position=position, name=name, amount=D(amount), unit="mg"
        )
    return item


@pytest.mark.django_db
def test_supplement_page_names_it_a_food_supplement_with_amounts_per_dose_and_capsule(client):
    text = text_of(client.get(kepos().get_absolute_url()))

    assert text.count("Food supplement with human milk oligosaccharides and lactoferrin") == 2
    assert "Amount per daily dose (2 capsules) and per capsule" in text
    assert "HMO blend 1,000 mg 500 mg" in text
    assert "Lactoferrin 200 mg 100 mg" in text
    assert "Do not exceed the recommended daily dose." in text  # beside the warnings
    assert "Nutrition" not in text  # food supplements are exempt


@pytest.fixture
def catalogue_staff(client):
    factories.sign_in(client, factories.staff_user("Marketing"))
    return client


def product_page(client, item):
    return reverse("dashboard:catalogue-product", kwargs={"pk": item.pk})


@pytest.mark.django_db
def test_staff_enter_a_drinks_nutrition_on_the_product_page(catalogue_staff):
    kefir = factories.product(
        "Water kefir",
        "3.49",
        klass=factories.product_class("Water kefir drink", "20", "drink"),
        in_category=factories.category("Kefir > Drinks"),
    )
    page = catalogue_staff.get(product_page(catalogue_staff, kefir))
    data = form_data(page, "create_update_product_form")
    values = {"energy_kj": "88", "energy_kcal": "21", "fat": "0", "saturates": "0"}
    values |= {"carbohydrate": "5", "sugars": "4.8", "protein": "0.1", "salt": "0.01"}
    data |= {f"nutrition-0-{name}": value for name, value in values.items()}

    response = catalogue_staff.post(product_page(catalogue_staff, kefir), data)

    assert "Food label" in page.content.decode()
    assert data["nutrition-0-basis"] == "100ml"  # drinks default to per 100 ml
    assert response.status_code == 302, text_of(response)[:2000]
    assert NutritionDeclaration.objects.get(product=kefir).sugars == D("4.8")


@pytest.mark.django_db
def test_a_wrong_nutrition_value_keeps_the_whole_product_unsaved(catalogue_staff):
    kefir = factories.product(
        "Water kefir",
        "3.49",
        klass=factories.product_class("Water kefir drink", "20", "drink"),
        in_category=factories.category("Kefir > Drinks"),
    )
    data = form_data(
        catalogue_staff.get(product_page(catalogue_staff, kefir)), "create_update_product_form"
    )
    values = {"energy_kj": "88", "energy_kcal": "21", "fat": "1", "saturates": "2"}
    values |= {"carbohydrate": "5", "sugars": "4.8", "protein": "0.1", "salt": "0.01"}
    data |= {f"nutrition-0-{name}": value for name, value in values.items()}
    data["title"] = "Renamed water kefir"

    response = catalogue_staff.post(product_page(catalogue_staff, kefir), data)

    assert response.status_code == 200
    assert "Saturates are part of the fat" in response.content.decode()
    kefir.refresh_from_db()
    assert kefir.title == "Water kefir"
    assert not NutritionDeclaration.objects.exists()


@pytest.mark.django_db
def test_staff_write_a_supplements_ingredient_table(catalogue_staff):
    item = factories.product("kēpos", "39.99", in_category=factories.category("kēpos"))
    data = form_data(
        catalogue_staff.get(product_page(catalogue_staff, item)), "create_update_product_form"
    )
    data |= {
        "supplement_facts-0-name_of_food": "Food supplement with HMOs",
        "supplement_facts-0-dose_units": "2",
        "supplement_facts-0-unit_name": "capsule",
        "supplement_ingredients-0-name": "HMO blend",
        "supplement_ingredients-0-amount": "1000",
        "supplement_ingredients-0-unit": "mg",
    }

    response = catalogue_staff.post(product_page(catalogue_staff, item), data)

    assert response.status_code == 302, text_of(response)[:2000]
    assert SupplementFacts.objects.get(product=item).dose_units == 2
    assert SupplementIngredient.objects.get(product=item).amount == D("1000")


@pytest.mark.django_db
def test_sizes_have_no_food_label_tab_of_their_own(catalogue_staff):
    size = drink().children.first()

    page = catalogue_staff.get(product_page(catalogue_staff, size)).content.decode()

    assert "nutrition-TOTAL_FORMS" not in page
