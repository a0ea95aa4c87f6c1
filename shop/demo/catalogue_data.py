"""The demo catalogue: categories, product types and products, as plain data.

Prices are VAT-inclusive, as staff enter them. VAT rates are the demo rates
of the content brief (to be confirmed by the business's accountant). Every
sentence here was written for this store.
"""

from datetime import time
from decimal import Decimal as D

CATEGORIES = {
    "kēpos": (
        "A daily adult gut-health supplement pairing kpHMO™, a full-spectrum human "
        "milk oligosaccharide prebiotic, with effera™, a lactoferrin bioidentical to "
        "the one in human milk."
    ),
    "Kefir": (
        "Live cultured kefir drinks, the grains to brew your own, and kits and "
        "courses to make it part of every day."
    ),
    "Kefir > Drinks": "Goat's-milk and water kefir, bottled live and delivered chilled.",
    "Kefir > Cultures & grains": "Live grains and a prebiotic powder for home fermenting.",
    "Kefir > Kits & courses": "Everything to start brewing, and multi-week kefir courses.",
}

# Attribute sets, by the food information a type must show (see shop.catalogue.food).
FOOD = [
    ("ingredients", "Ingredients", "text", True),
    ("allergens", "Allergens (phrases to emphasise, comma-separated)", "text", False),
    ("net_quantity", "Net quantity", "text", False),
    ("storage", "Storage", "text", True),
    ("shelf_life", "Shelf life", "text", True),
]
DRINK = [
    *FOOD,
    ("serving", "Serving", "text", False),
]
SUPPLEMENT = [*FOOD, ("daily_dose", "Recommended daily dose", "text", True)]
KIT = [("contents", "What's in the box", "text", True)]

PRODUCT_CLASSES = {
    "Food supplement": {
        "vat_rate": D("20"),
        "food_kind": "supplement",
        "cancellation_exception": "sealed",
        "attributes": SUPPLEMENT,
    },
    "Milk kefir drink": {
        "vat_rate": D("0"),
        "food_kind": "drink",
        "cancellation_exception": "perishable",
        "attributes": DRINK,
    },
    "Water kefir drink": {
        "vat_rate": D("20"),
        "food_kind": "drink",
        "cancellation_exception": "perishable",
        "attributes": DRINK,
    },
    "Kefir culture": {
        "vat_rate": D("0"),
        "food_kind": "food",
        "cancellation_exception": "perishable",
        "attributes": FOOD,
    },
    "Kit or equipment": {
        "vat_rate": D("20"),
        "food_kind": "",
        "cancellation_exception": "",
        "attributes": KIT,
    },
}

KEPOS_INGREDIENTS = (
    "kpHMO™ human milk oligosaccharide blend (neutral, fucosylated and sialylated "
    "HMOs), effera™ recombinant human lactoferrin, capsule shell "
    "(hydroxypropyl methylcellulose). HMOs and lactoferrin are made by animal-free "
    "precision fermentation, which may use lactose (milk)."
)
KEPOS_COMMON = {
    "ingredients": KEPOS_INGREDIENTS,
    "allergens": "lactose (milk)",
    "storage": (
        "Store below 25 °C in a dry place, away from direct sunlight. Close the lid after use."
    ),
    "shelf_life": "Best before end: printed on the base of the tub.",
    "daily_dose": "2 capsules a day with water, with or without food.",
}
KEPOS_DESCRIPTION = (
    "<p><strong>kēpos</strong> brings together two components of human milk for "
    "adults: <em>kpHMO™</em>, a prebiotic blend covering the neutral, fucosylated "
    "and sialylated classes of human milk oligosaccharides, and <em>effera™</em>, "
    "recombinant human lactoferrin that is bioidentical to the lactoferrin in human "
    "milk.</p>"
    "<p>Both are made by precision fermentation, without animals. Because "
    "dairy-derived substrates such as lactose may be used during fermentation, "
    "kēpos is not classed as vegan.</p>"
    "<p>Take two capsules a day. Read the science behind it on our blog.</p>"
)

GOAT_KEFIR = {
    "ingredients": "Pasteurised goat's milk, live kefir cultures.",
    "allergens": "goat's milk",
    "storage": (
        "Keep refrigerated at 0-5 °C. Kefir keeps fermenting in the bottle, so open it "
        "slowly, like champagne. Once opened, keep chilled and drink within 5 days."
    ),
    "shelf_life": "Arrives with at least 45 days' shelf life; use-by date on the cap.",
    "serving": "A small glass (about 150 ml) a day, chilled.",
}
WATER_KEFIR_STORAGE = (
    "Keep refrigerated at 0-5 °C and open slowly: it is naturally sparkling. Once "
    "opened, keep chilled and drink within 5 days."
)

# Each product: code (natural key), category, class, title, description,
# attributes, and either a price (stand-alone) or children (sizes). "pack" is
# the net size in g or ml of what is priced (for the unit price); goods sold
# by number (capsules, kits) have none.
PRODUCTS = [
    {
        "code": "kepos",
        "category": "kēpos",
        "class": "Food supplement",
        "title": "kēpos daily gut health",
        "priority": 10,
        "shape": "pouch",
        "description": KEPOS_DESCRIPTION,
        "attributes": KEPOS_COMMON,
        "children": [
            {
                "code": "kepos-30",
                "title": "kēpos daily gut health, 30-day supply",
                "price": D("39.99"),
                "stock": 120,
                "attributes": {"net_quantity": "60 capsules (30 days)"},
            },
            {
                "code": "kepos-90",
                "title": "kēpos daily gut health, 90-day supply",
                "price": D("99.99"),
                "stock": 60,
                "attributes": {"net_quantity": "180 capsules (90 days)"},
            },
        ],
    },
    {
        "code": "kepos-trial",
        "category": "kēpos",
        "class": "Food supplement",
        "title": "kēpos 7-day trial pack",
        "priority": 5,
        "shape": "pouch",
        "description": (
            "<p>A week of kēpos to see how it fits your routine: the same kpHMO™ and "
            "effera™ formula as the full tubs, in a pocket-sized pack.</p>"
        ),
        "attributes": {**KEPOS_COMMON, "net_quantity": "14 capsules (7 days)"},
        "price": D("11.99"),
        "stock": 80,
    },
    {
        "code": "goat-kefir",
        "no_weekend_transit": True,
        "category": "Kefir > Drinks",
        "class": "Milk kefir drink",
        "title": "Goat's Milk Kefir",
        "priority": 10,
        "shape": "bottle",
        "description": (
            "<p>Our signature kefir: whole goat's milk fermented slowly with live kefir "
            "cultures until it is tangy, creamy and lightly sparkling. Kefir is a source "
            "of calcium, and calcium contributes to normal neurotransmission.</p>"
            "<p>It is alive and keeps fermenting in the bottle, so it arrives with at "
            "least 45 days' shelf life and should be opened slowly, like champagne.</p>"
        ),
        "attributes": GOAT_KEFIR,
        "children": [
            {
                "code": "goat-kefir-500",
                "title": "Goat's Milk Kefir, 500 ml",
                "price": D("4.49"),
                "stock": 200,
                "pack": (D("500"), "ml"),
                "attributes": {"net_quantity": "500 ml"},
            },
            {
                "code": "goat-kefir-1000",
                "title": "Goat's Milk Kefir, 1 litre",
                "price": D("7.99"),
                "stock": 150,
                "pack": (D("1000"), "ml"),
                "attributes": {"net_quantity": "1 litre"},
            },
        ],
    },
    {
        "code": "water-kefir-ginger",
        "no_weekend_transit": True,
        "category": "Kefir > Drinks",
        "class": "Water kefir drink",
        "title": "Water Kefir, Ginger & Lemon",
        "priority": 8,
        "shape": "bottle",
        "description": (
            "<p>A dairy-free kefir brewed from water kefir grains, with fresh ginger and "
            "a squeeze of lemon. Light, dry and naturally fizzy.</p>"
        ),
        "attributes": {
            "ingredients": (
                "Filtered water, raw cane sugar, ginger juice (3%), lemon juice (2%), live "
                "water kefir cultures. Most of the sugar is used up by the cultures."
            ),
            "storage": WATER_KEFIR_STORAGE,
            "shelf_life": "Arrives with at least 30 days' shelf life; use-by date on the cap.",
            "serving": "A glass (about 250 ml) a day, chilled.",
        },
        "children": [
            {
                "code": "water-kefir-ginger-500",
                "title": "Water Kefir, Ginger & Lemon, 500 ml",
                "price": D("3.49"),
                "stock": 180,
                "pack": (D("500"), "ml"),
                "attributes": {"net_quantity": "500 ml"},
            },
            {
                "code": "water-kefir-ginger-1000",
                "title": "Water Kefir, Ginger & Lemon, 1 litre",
                "price": D("5.99"),
                "stock": 120,
                "pack": (D("1000"), "ml"),
                "attributes": {"net_quantity": "1 litre"},
            },
        ],
    },
    {
        "code": "water-kefir-elderflower",
        "no_weekend_transit": True,
        "category": "Kefir > Drinks",
        "class": "Water kefir drink",
        "title": "Water Kefir, Elderflower",
        "priority": 6,
        "shape": "bottle",
        "description": "<p>Floral, crisp and gently sparkling: water kefir with elderflower.</p>",
        "pack": (D("500"), "ml"),
        "attributes": {
            "ingredients": (
                "Filtered water, raw cane sugar, elderflower extract (1%), live water kefir "
                "cultures."
            ),
            "net_quantity": "500 ml",
            "storage": WATER_KEFIR_STORAGE,
            "shelf_life": "Arrives with at least 30 days' shelf life; use-by date on the cap.",
            "serving": "A glass (about 250 ml) a day, chilled.",
        },
        "price": D("3.49"),
        "stock": 140,
    },
    {
        "code": "water-kefir-case",
        "no_weekend_transit": True,
        "category": "Kefir > Drinks",
        "class": "Water kefir drink",
        "title": "Water Kefir Tasting Case",
        "priority": 4,
        "shape": "box",
        "description": (
            "<p>Six 500 ml bottles: three Ginger & Lemon and three Elderflower, to find "
            "your favourite.</p>"
        ),
        "pack": (D("3000"), "ml"),
        "attributes": {
            "ingredients": (
                "Ginger & Lemon: filtered water, raw cane sugar, ginger juice (3%), lemon "
                "juice (2%), live water kefir cultures. Elderflower: filtered water, raw "
                "cane sugar, elderflower extract (1%), live water kefir cultures."
            ),
            "net_quantity": "6 × 500 ml",
            "storage": WATER_KEFIR_STORAGE,
            "shelf_life": "Arrives with at least 30 days' shelf life; use-by date on each cap.",
        },
        "price": D("18.99"),
        "stock": 40,
    },
    {
        "code": "milk-kefir-grains",
        "no_weekend_transit": True,
        "category": "Kefir > Cultures & grains",
        "class": "Kefir culture",
        "title": "Live Milk Kefir Grains",
        "priority": 8,
        "shape": "jar",
        "description": (
            "<p>Living milk kefir grains, a partnership of lactic acid bacteria and "
            "yeasts. Cared for well, they grow and can brew a fresh batch every day for "
            "years. Our lifetime support is there if they ever sulk.</p>"
        ),
        "pack": (D("15"), "g"),
        "attributes": {
            "ingredients": "Live milk kefir grains (lactic acid bacteria and yeasts), cow's milk.",
            "allergens": "cow's milk",
            "net_quantity": "15 g",
            "storage": "Refrigerate on arrival and start your first batch within 7 days.",
            "shelf_life": "A live culture: start within 7 days of delivery.",
        },
        "price": D("14.99"),
        "stock": 60,
    },
    {
        "code": "water-kefir-grains",
        "no_weekend_transit": True,
        "category": "Kefir > Cultures & grains",
        "class": "Kefir culture",
        "title": "Live Water Kefir Grains",
        "priority": 7,
        "shape": "jar",
        "description": (
            "<p>Crystal-like water kefir grains that turn sugared water into a sparkling, "
            "dairy-free drink in two days.</p>"
        ),
        "pack": (D("20"), "g"),
        "attributes": {
            "ingredients": (
                "Live water kefir grains (lactic acid bacteria and yeasts), water, raw cane sugar."
            ),
            "net_quantity": "20 g",
            "storage": "Refrigerate on arrival and start your first batch within 7 days.",
            "shelf_life": "A live culture: start within 7 days of delivery.",
        },
        "price": D("12.99"),
        "stock": 60,
    },
    {
        "code": "prebiotic-powder",
        "category": "Kefir > Cultures & grains",
        "class": "Food supplement",
        "title": "Kefir Prebiotic Fibre Powder",
        "priority": 5,
        "shape": "pouch",
        "description": (
            "<p>A prebiotic fibre blend to stir into kefir, yoghurt or water, with "
            "freeze-dried goat's milk kefir for a gentle tang.</p>"
        ),
        "pack": (D("150"), "g"),
        "attributes": {
            "ingredients": (
                "Chicory root inulin, acacia gum, freeze-dried kefir powder (goat's milk, "
                "kefir cultures)."
            ),
            "allergens": "goat's milk",
            "net_quantity": "150 g (30 servings)",
            "storage": "Store in a cool, dry place. Reseal the pouch after use.",
            "shelf_life": "Best before end: printed on the back of the pouch.",
            "daily_dose": "One 5 g scoop a day, stirred into a drink or yoghurt.",
        },
        "price": D("16.99"),
        "stock": 70,
    },
    {
        "code": "milk-kefir-kit",
        "category": "Kefir > Kits & courses",
        "class": "Kit or equipment",
        "title": "Milk Kefir Starter Kit",
        "priority": 8,
        "shape": "box",
        "description": (
            "<p>Start brewing tonight: a fermenting jar with a breathable lid, a fine "
            "strainer, a wooden spoon and our illustrated guide. Add our live milk kefir "
            "grains and a pint of milk.</p>"
        ),
        "attributes": {
            "contents": (
                "1 litre glass jar with breathable lid, nylon strainer, wooden spoon, "
                "step-by-step guide."
            )
        },
        "price": D("29.99"),
        "stock": 35,
    },
    {
        "code": "water-kefir-kit",
        "category": "Kefir > Kits & courses",
        "class": "Kit or equipment",
        "title": "Water Kefir Starter Kit",
        "priority": 7,
        "shape": "box",
        "description": (
            "<p>A swing-top bottle, a fermenting jar, a strainer and a guide to flavouring "
            "your second ferment with fruit and herbs.</p>"
        ),
        "attributes": {
            "contents": (
                "1.5 litre glass jar with cloth cover, 750 ml swing-top bottle, nylon "
                "strainer, flavouring guide."
            )
        },
        "price": D("27.99"),
        "stock": 30,
    },
    {
        "code": "kefir-course",
        "no_weekend_transit": True,
        "category": "Kefir > Kits & courses",
        "class": "Milk kefir drink",
        "title": "Goat's Milk Kefir Course",
        "priority": 6,
        "shape": "bottle",
        "description": (
            "<p>A course of goat's milk kefir with a printed guide to building the habit "
            "of one small glass a day. Choose two or four weeks' supply, delivered "
            "together and chilled; every bottle arrives with at least 45 days' shelf "
            "life.</p>"
        ),
        "attributes": GOAT_KEFIR,
        "children": [
            {
                "code": "kefir-course-2",
                "title": "Goat's Milk Kefir Course, 2 weeks",
                "price": D("15.49"),
                "stock": 40,
                "pack": (D("2000"), "ml"),
                "attributes": {"net_quantity": "2 × 1 litre"},
            },
            {
                "code": "kefir-course-4",
                "title": "Goat's Milk Kefir Course, 4 weeks",
                "price": D("29.49"),
                "stock": 25,
                "pack": (D("4000"), "ml"),
                "attributes": {"net_quantity": "4 × 1 litre"},
            },
        ],
    },
]

# The delivery rules the demo store ships with (staff edit them in the
# dashboard under Fulfilment > Delivery methods). Prices include VAT.
DELIVERY_METHODS = [
    {
        "name": "Next Day",
        "description": "Tracked courier, delivered the next working day.",
        "is_headline": True,
        "position": 10,
        "price_per_order": D("4.99"),
        "free_shipping_threshold": D("25.00"),
        "serves_mainland": True,
        "serves_highlands_islands": False,
        "serves_northern_ireland": False,
        "cutoff_time": time(14, 0),
        "transit_days_min": 1,
        "transit_days_max": 1,
    },
    {
        "name": "Standard",
        "description": "Tracked Royal Mail-style delivery in 2 to 3 working days.",
        "is_headline": False,
        "position": 20,
        "price_per_order": D("2.99"),
        "free_shipping_threshold": D("25.00"),
        "serves_mainland": True,
        "serves_highlands_islands": True,
        "highlands_islands_surcharge": D("3.00"),
        "serves_northern_ireland": True,
        "northern_ireland_surcharge": D("3.00"),
        "cutoff_time": time(14, 0),
        "transit_days_min": 2,
        "transit_days_max": 3,
    },
]

# Subscribe & save: the daily capsule, the drinks and the grains, by product title
# (an offer on a product covers all its sizes).
SUBSCRIPTION_OFFERS = [
    {"title": "kēpos daily gut health", "weeks": "4, 8, 12", "default": 4, "saving": 10},
    {"title": "Goat's Milk Kefir", "weeks": "1, 2, 4", "default": 2, "saving": 10},
    {"title": "Water Kefir, Ginger & Lemon", "weeks": "1, 2, 4", "default": 2, "saving": 10},
    {"title": "Water Kefir, Elderflower", "weeks": "1, 2, 4", "default": 2, "saving": 10},
    {"title": "Live Milk Kefir Grains", "weeks": "8, 12, 26", "default": 12, "saving": 5},
    {"title": "Live Water Kefir Grains", "weeks": "8, 12, 26", "default": 12, "saving": 5},
]
