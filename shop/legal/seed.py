"""Rows every environment needs: the trader, the legal pages' first versions and the
cookie inventory. Data migrations call these with their historical app registry;
tests call them to put rows back after a transactional test. Each is idempotent.

The trader's details are fictitious (an Ofcom drama phone number, a .example
address) and every page's wording is marked for the owner's review: a solicitor
should read it before the shop trades.
"""

from shop.legal.seed_pages import PAGES

TRADER = {
    "company_name": "kēpos Ltd",
    "company_number": "01234567",
    "registered_in": "England and Wales",
    "registered_office": "Unit 4, Orchard Yard, 12 Mill Lane, Bristol BS1 4XY, United Kingdom",
    "vat_number": "GB 123 4567 89",
    "email": "hello@kepos.example",
    "phone": "0117 496 0000",
    "needs_owner_review": True,
}

# (name, kind, set_by, purpose, lifetime, strictly necessary, where)
STORAGE_ITEMS = [
    (
        "sessionid",
        "cookie",
        "kēpos (this website)",
        "Keeps you signed in and remembers your checkout as you move between pages.",
        "2 weeks",
        True,
        "",
    ),
    (
        "csrftoken",
        "cookie",
        "kēpos (this website)",
        "Security: proves that a form you send (an order, a message) came from this site.",
        "1 year",
        True,
        "",
    ),
    (
        "oscar_open_basket",
        "cookie",
        "kēpos (this website)",
        "Remembers your basket before you sign in.",
        "7 days",
        True,
        "",
    ),
    (
        "messages",
        "cookie",
        "kēpos (this website)",
        "Carries a one-off notice (such as 'Added to your basket') to the next page you see.",
        "Until you close your browser",
        True,
        "",
    ),
    (
        "cookie_consent",
        "cookie",
        "kēpos (this website)",
        "Remembers whether you accepted or rejected optional cookies, so we do not ask again.",
        "6 months",
        True,
        "",
    ),
    (
        "oscar_history",
        "cookie",
        "kēpos (this website)",
        "Remembers the products you looked at recently, to show them again on product pages.",
        "7 days",
        False,
        "",
    ),
    (
        "__stripe_mid",
        "cookie",
        "Stripe (our card payment provider)",
        "Fraud prevention while you pay by card.",
        "1 year",
        True,
        "checkout payment pages only",
    ),
    (
        "__stripe_sid",
        "cookie",
        "Stripe (our card payment provider)",
        "Fraud prevention while you pay by card.",
        "30 minutes",
        True,
        "checkout payment pages only",
    ),
    (
        "kepos-chat-open",
        "sessionStorage",
        "kēpos (this website)",
        "Keeps the live-chat panel open as you move between pages.",
        "Until you close the tab",
        True,
        "",
    ),
    (
        "htmx-current-path-for-history",
        "sessionStorage",
        "kēpos (this website)",
        "Lets the Back button return to the right page after a part of a page was updated.",
        "Until you close the tab",
        True,
        "",
    ),
    (
        "htmx-history-cache",
        "sessionStorage",
        "kēpos (this website)",
        "A copy of pages you visited in this tab, so the Back button shows them at once.",
        "Until you close the tab",
        True,
        "",
    ),
    (
        "django.admin.navSidebarIsOpen",
        "localStorage",
        "kēpos (this website)",
        "Remembers whether a staff member keeps the back-office menu open.",
        "Until cleared",
        True,
        "staff back office only",
    ),
    (
        "theme",
        "localStorage",
        "kēpos (this website)",
        "Remembers the light or dark colours a staff member chose for the back office.",
        "Until cleared",
        True,
        "staff back office only",
    ),
]


def trader(apps) -> None:
    TraderIdentity = apps.get_model("legal", "TraderIdentity")
    if not TraderIdentity.objects.filter(pk=1).exists():
        TraderIdentity.objects.create(pk=1, **TRADER)


def legal_pages(apps) -> None:
    LegalPage = apps.get_model("legal", "LegalPage")
    LegalPageVersion = apps.get_model("legal", "LegalPageVersion")
    for kind, slug, title, summary, body in PAGES:
        page, _ = LegalPage.objects.get_or_create(
            kind=kind, defaults={"slug": slug, "title": title, "summary": summary}
        )
        if page.current_id is None:
            version = LegalPageVersion.objects.create(
                page=page,
                number=1,
                body=body,
                change_summary="First version (demonstration wording).",
                needs_owner_review=True,
            )
            page.current = version
            page.save(update_fields=["current"])


def storage_items(apps) -> None:
    StorageItem = apps.get_model("legal", "StorageItem")
    for name, kind, set_by, purpose, lifetime, necessary, where in STORAGE_ITEMS:
        StorageItem.objects.get_or_create(
            name=name,
            kind=kind,
            defaults={
                "set_by": set_by,
                "purpose": purpose,
                "lifetime": lifetime,
                "strictly_necessary": necessary,
                "where": where,
            },
        )


def all_rows(apps) -> None:
    trader(apps)
    legal_pages(apps)
    storage_items(apps)
