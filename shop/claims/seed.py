"""The claims lists every environment starts with; Managers edit them in the admin.

A data migration loads them with its historical app registry; tests call
``seed`` to put them back after a transactional test. Idempotent: a phrase or
wording already there (perhaps edited) is left alone.

The authorised claims are worded as on the GB nutrition and health claims
register; their conditions of use are summarised here and should be checked
against the register before the wording is relied on.
"""

FORBIDDEN = "Disease claim: food may not claim to prevent, treat or cure a disease. Reword it."
GENERAL = (
    "General benefit: allowed only alongside an authorised health claim (see Authorised "
    "health claims). Add one the product meets, or reword."
)
REFERENCE = "Cite the study as [n] in the same sentence, or drop the wording."

RULES = [
    ("cure*", "forbidden", FORBIDDEN),
    ("treat", "forbidden", FORBIDDEN),
    ("treats", "forbidden", FORBIDDEN),
    ("treating", "forbidden", FORBIDDEN),
    ("treatment", "forbidden", FORBIDDEN),
    ("prevent*", "forbidden", FORBIDDEN),
    ("heal", "forbidden", FORBIDDEN),
    ("heals", "forbidden", FORBIDDEN),
    ("healing", "forbidden", FORBIDDEN),
    ("remed*", "forbidden", FORBIDDEN),
    ("detox*", "forbidden", "Detox claims are not authorised. Reword it."),
    ("boost* immun*", "forbidden", "Immunity claims need the exact authorised wording."),
    ("boost* * immun*", "forbidden", "Immunity claims need the exact authorised wording."),
    ("immune boost*", "forbidden", "Immunity claims need the exact authorised wording."),
    ("clinically proven", "reference", REFERENCE),
    ("scientifically proven", "reference", REFERENCE),
    ("studies show", "reference", REFERENCE),
    ("probiotic*", "general", GENERAL),
    ("prebiotic*", "general", GENERAL),
    ("support* gut health", "general", GENERAL),
    ("good for your gut", "general", GENERAL),
    ("gut-friendly", "general", GENERAL),
]

SOURCE_OF_CALCIUM = (
    "Only on a food that is at least a source of calcium: 15% of the nutrient reference "
    "value (120 mg) per 100 g, or 7.5% (60 mg) per 100 ml of a drink."
)
CLAIMS = [
    ("Calcium contributes to normal neurotransmission", "Calcium", SOURCE_OF_CALCIUM),
    ("Calcium contributes to normal muscle function", "Calcium", SOURCE_OF_CALCIUM),
    ("Calcium is needed for the maintenance of normal bones", "Calcium", SOURCE_OF_CALCIUM),
    (
        "Chicory inulin contributes to normal bowel function by increasing stool frequency",
        "Native chicory inulin",
        "Only on a food that provides at least 12 g of native chicory inulin a day, "
        "with the consumer told so.",
    ),
]


def seed(apps=None) -> None:
    if apps is None:
        from django.apps import apps
    ClaimRule = apps.get_model("claims", "ClaimRule")
    AuthorisedClaim = apps.get_model("claims", "AuthorisedClaim")
    for phrase, kind, explanation in RULES:
        ClaimRule.objects.get_or_create(
            phrase=phrase, defaults={"kind": kind, "explanation": explanation}
        )
    for wording, nutrient, conditions in CLAIMS:
        AuthorisedClaim.objects.get_or_create(
            wording=wording, defaults={"nutrient": nutrient, "conditions_of_use": conditions}
        )
