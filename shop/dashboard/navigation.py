"""The dashboard's menu: Oscar's, with our screens beside the ones they belong with.

Dispatch, delivery rules and closure days sit with the orders they fulfil;
stock levels with the catalogue; the live-chat inbox gets its own section.
Each role sees only the entries its permissions open (Oscar's default_access_fn).
Imported by settings, so it imports nothing of Django's.
"""

ADDITIONS = {
    "fas fa-shopping-cart": [
        {"label": "Today's dispatch", "url_name": "dashboard:order-dispatch-list"},
        {"label": "Delivery methods", "url_name": "dashboard:shipping-method-list"},
        {"label": "Closure days", "url_name": "dashboard:shipping-closure-list"},
        {"label": "Subscriptions", "url_name": "dashboard:subscription-list"},
        {"label": "Cancellation requests", "url_name": "dashboard:cancellation-list"},
        {"label": "Subscription figures", "url_name": "dashboard:subscription-figures"},
    ],
    "fas fa-sitemap": [
        {"label": "Stock levels", "url_name": "dashboard:stock-level-list"},
        {"label": "Claims review", "url_name": "dashboard:claims-review"},
    ],
    "fas fa-users": [
        {"label": "Privacy requests", "url_name": "dashboard:privacy-index"},
        {"label": "Privacy requests handled", "url_name": "dashboard:privacy-log"},
    ],
}
LIVE_CHAT = {
    "label": "Live chat",
    "icon": "fas fa-comments",
    "children": [
        {"label": "Inbox", "url_name": "dashboard:chat-inbox"},
        {"label": "Canned replies", "url_name": "dashboard:chat-canned-list"},
        {"label": "Chat hours", "url_name": "dashboard:chat-hours"},
    ],
}


def with_our_screens(navigation: list[dict]) -> list[dict]:
    return [
        {**section, "children": [*section["children"], *ADDITIONS[section["icon"]]]}
        if section.get("icon") in ADDITIONS
        else section
        for section in navigation
    ] + [LIVE_CHAT]
