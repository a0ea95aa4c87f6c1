"""Demo blog content: authors, categories, FAQ entries and five articles.

Every sentence was written for this store from the facts and citations in
the content brief. Articles are attributed to in-house bylines, never to a
real person. Reference titles describe the cited work where the brief gives
no title; follow the PubMed or DOI link for the original.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

AUTHORS = [
    {
        "slug": "kepos-science-team",
        "name": "kēpos Science Team",
        "job_title": "Nutrition and microbiome writers at kēpos",
        "bio": (
            "<p>The kēpos Science Team reads the research on the gut, the microbiome and "
            "mood so you don't have to, and writes it up plainly, with every source cited. "
            "We say what a study found, who it studied and what it can't tell us.</p>"
        ),
    },
    {
        "slug": "kepos-editorial-review",
        "name": "kēpos Editorial Review",
        "job_title": "In-house fact-checking",
        "bio": (
            "<p>Every article is checked against its sources before it goes live and "
            "reviewed again when new research appears.</p>"
        ),
    },
]

CATEGORIES = [
    ("gut-brain-axis", "Gut-brain axis", "How the gut and the brain talk to each other.", 10),
    ("ingredients", "Ingredients explained", "What goes into kēpos, and why.", 20),
    ("kefir", "Kefir", "Living kefir: the science, and how to enjoy it.", 30),
]

TAGS = [
    ("mood", "mood"),
    ("serotonin", "serotonin"),
    ("hmos", "HMOs"),
    ("lactoferrin", "lactoferrin"),
    ("clinical-trials", "clinical trials"),
    ("kefir-care", "kefir care"),
    ("microbiome", "microbiome"),
]

FAQ_CATEGORIES = [
    ("delivery", "Delivery", 10),
    ("subscriptions", "Subscriptions", 15),
    ("kefir-care", "Kefir care", 20),
    ("kepos", "kēpos", 30),
    ("returns", "Returns", 40),
    ("health", "Health", 50),
]

FAQ_ENTRIES = [
    # Subscriptions: {sub_saving}, {sub_weeks}, {reminder_days} and {retry_days} come from
    # the live subscription offers and renewal rules, the delivery names from delivery.
    {
        "slug": "how-does-subscribe-and-save-work",
        "category": "subscriptions",
        "question": "How does Subscribe & save work?",
        "answer": (
            "<p>On a product page, choose <strong>Subscribe &amp; save</strong> instead of a "
            "one-off purchase and pick how often you want it: every {sub_weeks}, depending "
            "on the product. You save up to {sub_saving} on every delivery, and each "
            "delivery follows our usual delivery rules: {method} delivery is FREE when a "
            "delivery comes to {threshold} or more.</p>"
            "<p>You need an account, so you can manage your subscription online; you can "
            "create one at checkout.</p>"
        ),
    },
    {
        "slug": "when-is-my-subscription-charged",
        "category": "subscriptions",
        "question": "When am I charged for a subscription?",
        "answer": (
            "<p>Your first delivery is paid at checkout, like any order. Your card is then "
            "saved securely with our payment provider (we keep only its brand and last four "
            "digits) and charged on the day each later delivery is due.</p>"
            "<p>We e-mail you {reminder_days} before every delivery with its date and "
            "amount, so nothing comes as a surprise.</p>"
        ),
    },
    {
        "slug": "how-do-i-skip-pause-or-cancel-my-subscription",
        "category": "subscriptions",
        "question": "How do I skip, pause or cancel my subscription?",
        "answer": (
            "<p>Sign in and open <strong>Subscriptions</strong> in your account. From there "
            "you can skip the next delivery, pause and resume, change how often, the "
            "quantity, the size, the address or the card, or cancel, at any time and with "
            "no minimum term. Cancelling takes two clicks from that page and stops every "
            "later delivery and charge.</p>"
            "<p>The reminder e-mail before each delivery also has links to skip that "
            "delivery or cancel without signing in.</p>"
        ),
    },
    {
        "slug": "what-if-my-subscription-payment-fails",
        "category": "subscriptions",
        "question": "What happens if a subscription payment fails?",
        "answer": (
            "<p>Nothing is sent until it is paid. We e-mail you a link to use another card "
            "and try again {retry_days} after the first attempt; if it still doesn't go "
            "through, we pause your subscription and let you know. If your bank asks you "
            "to confirm a payment, we e-mail you a link to confirm it.</p>"
        ),
    },
    {
        "slug": "what-if-a-subscription-product-is-out-of-stock",
        "category": "subscriptions",
        "question": "What if my subscription product is out of stock?",
        "answer": (
            "<p>We skip that delivery, charge you nothing for it and e-mail you. Your next "
            "delivery comes on its usual date.</p>"
        ),
    },
    {
        "slug": "can-i-cancel-a-subscription-within-14-days",
        "category": "subscriptions",
        "question": "Can I change my mind after subscribing?",
        "answer": (
            "<p>Yes. Besides cancelling online at any time, you have the right to cancel "
            "within 14 days of receiving your first delivery under the Consumer Contracts "
            "Regulations 2013; the Returns questions on this page explain how, and which "
            "products can't be returned once opened, for hygiene reasons.</p>"
        ),
    },
    # Delivery: {charge}, {threshold}, {method} and {cutoff} are filled in from the
    # headline delivery method when the page is shown, so these never go stale.
    {
        "slug": "how-much-is-delivery",
        "category": "delivery",
        "question": "How much is delivery?",
        "answer": (
            "<p>{method} delivery costs {charge}, and it is FREE when your order comes to "
            "{threshold} or more (after any discounts, not counting delivery). Every option "
            "we offer for your postcode, with its price, is on our "
            '<a href="/delivery/">delivery page</a> and at checkout.</p>'
        ),
    },
    {
        "slug": "how-do-i-get-free-delivery",
        "category": "delivery",
        "question": "How do I get free delivery?",
        "answer": (
            "<p>Spend {threshold} or more and {method} delivery is free. Your basket shows how "
            "close you are. Discounts come off first, so it is the total you actually pay for "
            "your products that counts.</p>"
        ),
        "products": ["kepos", "goat-kefir"],
    },
    {
        "slug": "when-will-my-order-be-dispatched",
        "category": "delivery",
        "question": "When will my order be dispatched?",
        "answer": (
            "<p>Order before {cutoff} (UK time) on a working day and it leaves us the same "
            "day. Orders placed later, or at a weekend or on a bank holiday, leave on the next "
            "working day. Each product page shows the date your order would arrive if you "
            "ordered now.</p>"
        ),
    },
    {
        "slug": "do-you-deliver-at-weekends",
        "category": "delivery",
        "question": "Do you deliver at weekends?",
        "answer": (
            "<p>No: parcels travel and arrive on working days only. Live kefir and kefir grains "
            "are also never sent on a day that would leave them in a depot over a weekend or "
            "bank holiday, so they reach you fresh, even if that means they leave a day "
            "later.</p>"
        ),
        "products": ["goat-kefir", "milk-kefir-grains", "water-kefir-grains"],
    },
    {
        "slug": "where-do-you-deliver",
        "category": "delivery",
        "question": "Where do you deliver?",
        "answer": (
            "<p>Anywhere in the UK: the mainland, the Scottish Highlands and islands, and "
            "Northern Ireland. A few services don't reach every area and some areas carry a "
            "surcharge; enter your postcode on our "
            '<a href="/delivery/">delivery page</a> to see exactly what is available. We '
            "can't deliver to the Channel Islands, the Isle of Man, BFPO addresses or outside "
            "the UK.</p>"
        ),
    },
    {
        "slug": "how-do-i-track-my-order",
        "category": "delivery",
        "question": "How do I track my order?",
        "answer": (
            "<p>When your parcel leaves us we e-mail you its tracking number. You can also "
            'check your order at any time on <a href="/order-status/">Find an order</a> with '
            "your order number and e-mail address, or in your account if you have one.</p>"
        ),
    },
    {
        "slug": "how-long-does-kefir-last",
        "category": "kefir-care",
        "question": "How long does kefir last?",
        "answer": (
            "<p>Our bottled kefir arrives with at least 45 days before its use-by date, which "
            "is printed on the cap. Unopened, keep it in the fridge until then. Once opened, "
            "keep it chilled and finish it within five days.</p>"
        ),
    },
    {
        "slug": "how-should-i-store-kefir",
        "category": "kefir-care",
        "question": "How should I store kefir?",
        "answer": (
            "<p>In the fridge, at 0-5 °C, from the moment it arrives. Kefir is alive: "
            "the cold slows the cultures down so the taste stays fresh and the bottle "
            "doesn't build up too much pressure.</p>"
        ),
    },
    {
        "slug": "why-does-my-kefir-fizz",
        "category": "kefir-care",
        "question": "Why does my kefir fizz?",
        "answer": (
            "<p>The yeasts in kefir keep fermenting in the bottle and make a little carbon "
            "dioxide, so kefir is naturally sparkling. Open it slowly, like champagne: "
            "loosen the cap a little, let the pressure out, then open fully.</p>"
        ),
    },
    {
        "slug": "how-much-kefir-should-i-drink",
        "category": "kefir-care",
        "question": "How much kefir should I drink?",
        "answer": (
            "<p>A small glass, about 150 ml, a day is a good place to start. If you are new "
            "to fermented foods, begin with a few sips and build up over a week or two.</p>"
        ),
    },
    {
        "slug": "when-is-the-best-time-to-drink-kefir",
        "category": "kefir-care",
        "question": "When is the best time to drink kefir?",
        "answer": (
            "<p>Whenever suits you: with breakfast, as a snack or blended into a smoothie. "
            "What matters most is drinking it regularly, as part of a varied diet.</p>"
        ),
    },
    {
        "slug": "what-is-in-kepos",
        "category": "kepos",
        "question": "What is in kēpos?",
        "answer": (
            "<p>Two things from human milk, made without animals: <strong>kpHMO™</strong>, a "
            "prebiotic blend covering the neutral, fucosylated and sialylated classes of "
            "human milk oligosaccharides, and <strong>effera™</strong>, a recombinant human "
            "lactoferrin that is bioidentical to the lactoferrin in human milk.</p>"
        ),
    },
    {
        "slug": "is-kepos-vegan",
        "category": "kepos",
        "question": "Is kēpos vegan?",
        "answer": (
            "<p>No. Its HMOs and lactoferrin are made by precision fermentation rather than "
            "from animals, but the fermentation may use dairy-derived ingredients such as "
            "lactose, so we don't describe kēpos as vegan.</p>"
        ),
    },
    {
        "slug": "who-is-kepos-for",
        "category": "kepos",
        "question": "Who is kēpos for?",
        "answer": (
            "<p>Adults who want to support their gut health as part of a varied diet. It is "
            "not for children. If you are pregnant, breastfeeding, taking medicines or "
            "managing a health condition, ask your GP or pharmacist first.</p>"
        ),
    },
    {
        "slug": "does-gut-health-affect-mood",
        "category": "health",
        "question": "Does gut health affect mood?",
        "answer": (
            "<p>Research increasingly links the gut and its microbes with mood, through the "
            "vagus nerve, chemical messengers, the immune system and microbial by-products. "
            "Much of the evidence comes from animal studies and small trials, so it is an "
            "active field rather than settled science.</p>"
        ),
    },
    {
        "slug": "is-this-a-substitute-for-medical-care",
        "category": "health",
        "question": "Are your products a substitute for medical care?",
        "answer": (
            "<p>No. Our supplements and foods are not medicines and do not diagnose, treat or "
            "prevent any condition. If you are struggling with your mood or your digestion, "
            "please speak to your GP. In a crisis, call 999 or Samaritans on 116 123.</p>"
        ),
    },
    {
        "slug": "how-do-i-look-after-kefir-grains",
        "category": "kefir-care",
        "question": "How do I look after kefir grains?",
        "answer": (
            "<p>Put them in the fridge as soon as they arrive and start your first batch "
            "within seven days. Milk kefir grains go into fresh milk; water kefir grains into "
            "sugared water. Strain them out when the batch is ready and start the next one. "
            "Fed regularly, grains keep growing for years, and our lifetime support is there "
            "if a batch ever goes wrong.</p>"
        ),
        "products": [
            "milk-kefir-grains",
            "water-kefir-grains",
            "milk-kefir-kit",
            "water-kefir-kit",
        ],
    },
    {
        "slug": "milk-kefir-or-water-kefir",
        "category": "kefir-care",
        "question": "What is the difference between milk kefir and water kefir?",
        "answer": (
            "<p>Milk kefir is fermented milk: thick, tangy and creamy. Water kefir is "
            "fermented sugared water, often flavoured with fruit or ginger: light, sparkling "
            "and dairy-free. Both are made with live cultures of bacteria and yeasts, but the "
            "grains are different and can't be swapped.</p>"
        ),
        "products": ["goat-kefir", "water-kefir-ginger", "water-kefir-elderflower"],
    },
    {
        "slug": "how-do-i-take-kepos",
        "category": "kepos",
        "question": "How do I take kēpos?",
        "answer": (
            "<p>Two capsules a day with a glass of water, with or without food. Don't take "
            "more than the recommended daily dose. A food supplement is not a substitute for "
            "a varied, balanced diet.</p>"
        ),
        "products": ["kepos", "kepos-trial"],
    },
    {
        "slug": "does-kepos-contain-milk",
        "category": "kepos",
        "question": "Does kēpos contain milk?",
        "answer": (
            "<p>Its HMOs and lactoferrin are made by precision fermentation, which may use "
            "lactose, a milk sugar. That is why our label lists lactose (milk) as an allergen. "
            "If you have a milk allergy, please talk to your GP before taking it.</p>"
        ),
        "products": ["kepos", "kepos-trial"],
    },
    {
        "slug": "can-i-return-live-kefir",
        "category": "returns",
        "question": "Can I return live kefir or kefir grains?",
        "answer": (
            "<p>Live foods can't be sent back once delivered, because we can't be sure they "
            "were kept cold. But if anything arrives damaged, warm, leaking or past its date, "
            "tell us within seven days of delivery, with a photo if you can, and we will "
            "replace it or refund you.</p>"
        ),
        "products": ["goat-kefir", "milk-kefir-grains", "water-kefir-grains"],
    },
    {
        "slug": "can-i-return-kepos",
        "category": "returns",
        "question": "Can I return kēpos if I change my mind?",
        "answer": (
            "<p>Yes, if the tub is unopened with its seal intact: let us know within 14 days "
            "of delivery and send it back, and we will refund what you paid for it. For "
            "hygiene reasons we can't take back a tub once its seal is broken, unless it is "
            "faulty.</p>"
        ),
        "products": ["kepos", "kepos-trial"],
    },
    {
        "slug": "how-do-refunds-work",
        "category": "returns",
        "question": "How do refunds work?",
        "answer": (
            "<p>We refund to the card you paid with, for the products concerned and, if the "
            "whole order is refunded, its delivery charge. Card refunds usually reach your "
            "account within five working days of us issuing them.</p>"
        ),
    },
]

REFS = {
    "serotonin_review": {
        "authors": "",
        "title": "Review of gut microbiota and the production of serotonin in the gut",
        "journal": "Nutrients",
        "year": 2021,
        "pmid": "34205336",
    },
    "kumar": {
        "authors": "Kumar et al.",
        "title": "Review of 24 animal and human studies on gut dysbiosis, anxiety and depression",
        "journal": "Pharmaceuticals",
        "year": 2023,
        "pmid": "37111321",
    },
    "efficad": {
        "authors": "Jackson et al.",
        "title": (
            "The EFFICAD trial: oligofructose and 2'-fucosyllactose in adults with mild to "
            "moderate anxiety or depression"
        ),
        "journal": "American Journal of Clinical Nutrition",
        "year": 2023,
        "pmid": "37657523",
    },
    "zhang": {
        "authors": "Zhang et al.",
        "title": "Lactoferrin in a rat model of chronic unpredictable mild stress",
        "journal": "Scientific Reports",
        "year": 2024,
        "doi": "10.1038/s41598-024-72793-2",
    },
    "liang": {
        "authors": "Liang, Wu & Jin",
        "title": "Gut-Brain Psychology",
        "journal": "Frontiers in Psychology",
        "year": 2018,
    },
    "healthline": {
        "authors": "Robertson",
        "title": "The gut-brain connection",
        "journal": "Healthline",
        "year": 2018,
    },
    "pennisi": {
        "authors": "Pennisi",
        "title": "News report on gut bacteria and mood (4 February 2019)",
        "journal": "AAAS, Science news",
        "year": 2019,
    },
    "bmj": {
        "authors": "",
        "title": "Report on regulating gut bacteria and anxiety (20 May 2019)",
        "journal": "ScienceDaily, from BMJ",
        "year": 2019,
    },
    "utah": {
        "authors": "University of Utah Genetic Science Learning Center",
        "title": "The Microbiome and Disease",
        "journal": "Learn.Genetics",
        "year": 2019,
    },
}


def published(year, month, day):
    return datetime(year, month, day, 9, 0, tzinfo=LONDON)


ARTICLES = [
    {
        "slug": "gut-brain-axis-and-mood",
        "title": "The gut-brain axis: how your gut talks to your mood",
        "summary": (
            "Your gut and your brain are in constant conversation, through nerves, chemical "
            "messengers, the immune system and the by-products of gut microbes. Here is what "
            "research shows so far, and what it doesn't."
        ),
        "publish_at": published(2026, 9, 14),
        "categories": ["gut-brain-axis"],
        "tags": ["mood", "serotonin", "microbiome"],
        "takeaways": [
            "The gut and brain communicate through four channels: the vagus nerve, "
            "neurotransmitters, the immune system and microbial metabolites.",
            "Around 90% of the body's serotonin is made in the gut, and gut microbes help "
            "regulate how much [1].",
            "A 2023 review of 24 studies linked an unbalanced gut microbiome with anxiety and "
            "depression; much of that evidence comes from animals [2].",
            "The science is promising but young: a healthy gut supports wellbeing, it doesn't "
            "replace professional care.",
        ],
        "sections": [
            (
                "Four lines of communication",
                "<p>Scientists describe the link between gut and brain as an <em>axis</em> "
                "because messages travel both ways. Four channels carry most of them:</p>"
                "<ul><li><strong>Nerves.</strong> The vagus nerve runs from the brainstem to the "
                "gut and relays signals in both directions.</li>"
                "<li><strong>Neurotransmitters.</strong> Serotonin, dopamine and GABA are made "
                "or influenced in the gut.</li>"
                "<li><strong>The immune system.</strong> Inflammation that starts in the gut "
                "can send signals far beyond it.</li>"
                "<li><strong>Metabolites.</strong> Gut bacteria turn fibre into short-chain "
                "fatty acids and change how tryptophan is used.</li></ul>"
                "<p>None of these channels works alone, which is one reason the research is "
                "so interesting, and so hard to untangle [3].</p>",
            ),
            (
                "Most of your serotonin is made in your gut",
                "<p>Serotonin is best known as a brain chemical, yet about 90% of the body's "
                "supply is made in the gut, by specialised enterochromaffin cells in its "
                "lining. Some sources put the figure at 95%. The gut's microbes help regulate "
                "how much those cells produce [1].</p>"
                "<p>That doesn't mean a glass of kefir changes your brain chemistry overnight. "
                "It does mean the gut is a busy chemical factory, and the microbes living "
                "there are part of its workforce.</p>",
            ),
            (
                "When the balance shifts",
                "<p>A 2023 review in <em>Pharmaceuticals</em> brought together 24 animal and "
                "human studies and found a consistent link between dysbiosis, an unbalanced "
                "gut microbiome, and anxiety and depression [2]. The authors discuss several "
                "possible mechanisms:</p>"
                "<ul><li>a more permeable gut lining lets bacterial fragments called LPS "
                "through, driving inflammation (IL-1β, IL-6, TNF-α and CRP);</li>"
                "<li>tryptophan, the building block of serotonin, is diverted towards "
                "kynurenine instead;</li>"
                "<li>some bacteria, such as <em>Lactobacillus rhamnosus</em>, appear to signal "
                "through the vagus nerve;</li>"
                "<li>people with major depression tend to have fewer <em>Coprococcus</em> and "
                "<em>Dialister</em> bacteria.</li></ul>"
                "<p>In one striking experiment, germ-free mice given gut microbes from people "
                "with depression went on to show depression-like behaviour [2].</p>",
            ),
            (
                "What this means for you",
                "<p>Most of these findings come from animals or from studies that show a link "
                "rather than a cause. They are a reason to look after your gut, with plenty "
                "of fibre, a varied diet and fermented foods you enjoy, not a reason to treat "
                "low mood on your own [4].</p>"
                "<p>If your mood is affecting your daily life, please talk to your GP.</p>",
            ),
        ],
        "references": ["serotonin_review", "kumar", "liang", "healthline"],
        "faq": ["does-gut-health-affect-mood", "is-this-a-substitute-for-medical-care"],
        "products": ["kepos", "goat-kefir"],
    },
    {
        "slug": "hmos-and-the-efficad-trial",
        "title": "HMOs beyond infancy: what the EFFICAD trial found",
        "summary": (
            "Human milk oligosaccharides feed beneficial gut bacteria. A 2023 randomised "
            "trial in adults tested whether prebiotics including the HMO 2'-FL could shift "
            "mood and stress markers."
        ),
        "publish_at": published(2026, 10, 5),
        "categories": ["ingredients", "gut-brain-axis"],
        "tags": ["hmos", "clinical-trials", "mood"],
        "takeaways": [
            "HMOs are prebiotics: carbohydrates from human milk that feed beneficial bacteria "
            "such as Bifidobacterium.",
            "EFFICAD was a five-week, double-blind, placebo-controlled trial in 92 healthy "
            "adults with mild to moderate anxiety or depression [1].",
            "All three active groups improved on depression, anxiety and mood questionnaires "
            "and on the cortisol awakening response [1].",
            "Higher Bifidobacterium levels went with lower depression and anxiety scores [1].",
        ],
        "sections": [
            (
                "What are human milk oligosaccharides?",
                "<p>Human milk oligosaccharides, or HMOs, are complex sugars that babies cannot "
                "digest. They pass through to the large intestine, where they feed beneficial "
                "bacteria: that is what makes them <em>prebiotics</em>.</p>"
                "<p>HMOs come in three broad classes: neutral, fucosylated and sialylated. The "
                "most studied, 2'-fucosyllactose (2'-FL), is a fucosylated HMO. The kpHMO™ "
                "blend in kēpos covers all three classes and is made by precision "
                "fermentation, without animals.</p>",
            ),
            (
                "Inside the EFFICAD trial",
                "<p>EFFICAD asked whether prebiotics could influence mood in adults [1]. "
                "Ninety-two healthy adults with mild to moderate symptoms of anxiety or "
                "depression were randomly given one of four supplements for five weeks: "
                "oligofructose, 2'-FL, both together, or a placebo. Neither they nor the "
                "researchers knew who had what.</p>"
                "<p>The team measured depression (the BDI questionnaire), anxiety (STAI Y1 "
                "and Y2), positive and negative mood (PANAS-SF), and the cortisol awakening "
                "response, the rise in the stress hormone cortisol after waking.</p>",
            ),
            (
                "What the results suggest, and their limits",
                "<p>People in the active groups improved on the questionnaires and on the "
                "cortisol awakening response, and those with more <em>Bifidobacterium</em> "
                "tended to score lower for depression and anxiety [1]. That fits the wider "
                "picture of the gut-brain axis [2].</p>"
                "<p>The trial was short and small, and its volunteers were healthy adults "
                "rather than people being treated for a mood disorder. It is encouraging "
                "evidence that needs repeating, not proof that any supplement treats anxiety "
                "or depression.</p>",
            ),
        ],
        "references": ["efficad", "kumar"],
        "faq": ["what-is-in-kepos", "is-kepos-vegan"],
        "products": ["kepos", "kepos-trial"],
    },
    {
        "slug": "lactoferrin-and-the-gut-barrier",
        "title": "Lactoferrin and the gut barrier: what a 2024 study in rats showed",
        "summary": (
            "Lactoferrin is a protein found in human milk. A 2024 study in rats under chronic "
            "stress looked at what it did to the gut microbiome, inflammation and the gut "
            "lining."
        ),
        "publish_at": published(2026, 10, 26),
        "categories": ["ingredients"],
        "tags": ["lactoferrin", "microbiome"],
        "takeaways": [
            "Lactoferrin is an iron-binding protein in human milk; effera™ is a recombinant "
            "form that is bioidentical to it.",
            "In rats under chronic unpredictable mild stress, lactoferrin restored the "
            "diversity of the gut microbiota [1].",
            "Treated rats had less inflammation, more of the tight-junction protein ZO-1 and "
            "lower markers of a leaky gut [1].",
            "These are animal results: they suggest mechanisms, not proven effects in people.",
        ],
        "sections": [
            (
                "What lactoferrin is",
                "<p>Lactoferrin is a protein that binds iron. It is abundant in human milk, "
                "where it is part of how milk supports a baby's developing gut. effera™, the "
                "lactoferrin in kēpos, is made by precision fermentation and is bioidentical "
                "to human lactoferrin.</p>",
            ),
            (
                "The stressed-rat study",
                "<p>Researchers used a standard model of long-term stress in rats, known as "
                "chronic unpredictable mild stress, and gave some of the animals lactoferrin "
                "[1]. Compared with stressed rats that did not receive it, the treated "
                "animals had:</p>"
                "<ul><li>a more diverse gut microbiota;</li>"
                "<li>lower blood levels of the inflammatory signals TNF-α, IL-1β and IL-6;</li>"
                "<li>more ZO-1, a protein that seals the gaps between gut cells, and lower LPS "
                "and diamine oxidase, two signs of a leaky gut;</li>"
                "<li>better results in behaviour tests: a stronger preference for sweetened "
                "water, more movement and better performance in the Morris water maze.</li></ul>",
            ),
            (
                "Why the gut barrier matters",
                "<p>When the gut lining lets bacterial fragments such as LPS through, the "
                "immune system responds with inflammation, one of the mechanisms linking "
                "an unbalanced gut with low mood [2]. A tighter barrier is one way lactoferrin "
                "might act, at least in rats.</p>",
            ),
            (
                "Reading animal research carefully",
                "<p>Rats are not people, and a stress model is not a mood disorder. Studies "
                "like this one show researchers where to look next; they can't tell you what "
                "a supplement will do for you.</p>",
            ),
        ],
        "references": ["zhang", "kumar"],
        "faq": ["what-is-in-kepos", "who-is-kepos-for"],
        "products": ["kepos"],
    },
    {
        "slug": "kefir-and-mood",
        "title": "Kefir and mood: what a fermented drink can and can't do",
        "summary": (
            "Kefir brings live cultures and nutrients such as calcium to your diet. Here is "
            "how it fits into what is known about the gut-brain connection, without the hype."
        ),
        "publish_at": published(2026, 11, 9),
        "categories": ["kefir", "gut-brain-axis"],
        "tags": ["mood", "microbiome"],
        "takeaways": [
            "Kefir is fermented by a community of bacteria and yeasts, so every glass is alive.",
            "It is a source of calcium and vitamin A; calcium contributes to normal "
            "neurotransmission.",
            "Research on gut bacteria and anxiety is growing quickly, but it is early days [2, 3].",
            "Enjoy kefir as part of a varied diet, not as a treatment.",
        ],
        "sections": [
            (
                "A drink alive with cultures",
                "<p>Kefir is made by fermenting milk, or sugared water, with kefir grains: "
                "small clusters of lactic acid bacteria and yeasts living together. They "
                "turn sugars into acids and a little fizz, and they are still active when "
                "the bottle reaches your fridge.</p>",
            ),
            (
                "Nutrients that matter",
                "<p>Goat's milk kefir is a source of calcium and vitamin A. Calcium "
                "contributes to normal neurotransmission, the signalling between nerve "
                "cells: an authorised health claim for foods that are a source of "
                "calcium.</p>",
            ),
            (
                "Gut bacteria and anxiety: what studies are exploring",
                "<p>Science journalists have followed a wave of studies on gut bacteria and "
                "mood [2], and a 2019 analysis reported in the <em>BMJ</em> looked at "
                "whether regulating gut bacteria could ease anxiety [3]. Educational "
                "resources now describe the microbiome as a factor in many conditions "
                '[4], and psychologists have proposed a field of "gut-brain psychology" '
                "[5].</p>"
                "<p>What these sources share is caution: the links are real and worth "
                "studying [1], but no fermented food has been shown to treat anxiety or "
                "depression.</p>",
            ),
            (
                "Making kefir part of your day",
                "<p>A small glass a day, chilled, is plenty. Pair it with meals rich in "
                "fibre, which feeds the bacteria already in your gut.</p>",
            ),
        ],
        "references": ["kumar", "pennisi", "bmj", "utah", "liang"],
        "faq": ["how-much-kefir-should-i-drink", "when-is-the-best-time-to-drink-kefir"],
        "products": ["goat-kefir", "water-kefir-ginger", "milk-kefir-grains"],
    },
    {
        "slug": "how-to-store-and-open-kefir",
        "title": "How to store and open kefir (and why it fizzes)",
        "summary": (
            "Kefir keeps fermenting after it is bottled. Here is how to store it, how to open "
            "it without a fountain, and how long it keeps once open."
        ),
        "publish_at": published(2026, 11, 16),
        "categories": ["kefir"],
        "tags": ["kefir-care"],
        "takeaways": [
            "Refrigerate kefir at 0-5 °C as soon as it arrives.",
            "Our bottles arrive with at least 45 days' shelf life; the use-by date is on the cap.",
            "It keeps fermenting, so open it slowly, like champagne.",
            "Once opened, keep it chilled and drink it within five days.",
        ],
        "sections": [
            (
                "When your kefir arrives",
                "<p>Put it straight in the fridge. Kefir travels chilled and arrives with at "
                "least 45 days before its use-by date, so there is no rush to drink it, as "
                "long as it stays cold.</p>",
            ),
            (
                "Why kefir fizzes",
                "<p>The yeasts in kefir keep working slowly in the bottle, making a little "
                "carbon dioxide. That gentle sparkle is a sign the cultures are alive. The "
                "warmer the bottle, the faster they work, which is why the fridge matters.</p>",
            ),
            (
                "Opening a bottle, step by step",
                "<ol><li>Take the bottle from the fridge and keep it upright; don't shake "
                "it.</li><li>Hold it over the sink and turn the cap a little, until you hear "
                "a hiss.</li><li>Wait for the hiss to stop, then open it fully.</li>"
                "<li>If it rises quickly, close the cap again, wait a few seconds and "
                "repeat.</li></ol><p>Separation into thicker and thinner layers is normal: "
                "once the pressure is out, close the cap and tip the bottle gently.</p>",
            ),
            (
                "After opening",
                "<p>Keep the bottle closed in the fridge and drink it within five days. The "
                "taste will become a little sharper each day as fermentation continues.</p>",
            ),
        ],
        "references": [],
        "faq": ["how-long-does-kefir-last", "how-should-i-store-kefir", "why-does-my-kefir-fizz"],
        "products": ["goat-kefir", "water-kefir-elderflower"],
    },
]

REVIEWED_ON = date(2026, 11, 18)

# A sentence of one section per article, set large beside it (Section.pull_quote: it
# must appear in the section word for word).
PULL_QUOTES = {
    ("gut-brain-axis-and-mood", "Four lines of communication"): (
        "Scientists describe the link between gut and brain as an axis because messages "
        "travel both ways."
    ),
    ("hmos-and-the-efficad-trial", "What the results suggest, and their limits"): (
        "It is encouraging evidence that needs repeating, not proof that any supplement "
        "treats anxiety or depression."
    ),
    ("lactoferrin-and-the-gut-barrier", "Reading animal research carefully"): (
        "Studies like this one show researchers where to look next; they can't tell you what "
        "a supplement will do for you."
    ),
    ("kefir-and-mood", "A drink alive with cultures"): (
        "They turn sugars into acids and a little fizz, and they are still active when the "
        "bottle reaches your fridge."
    ),
    ("how-to-store-and-open-kefir", "Why kefir fizzes"): (
        "That gentle sparkle is a sign the cultures are alive."
    ),
}
