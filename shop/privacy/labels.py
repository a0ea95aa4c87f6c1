"""How the sections of a person's data are named to people (customers and staff)."""

# section -> (one, many)
LABELS = {
    "orders": ("order", "orders"),
    "addresses": ("saved address", "saved addresses"),
    "reviews": ("review", "reviews"),
    "chats": ("live chat", "live chats"),
    "subscriptions": ("subscription", "subscriptions"),
    "saved_cards": ("saved card", "saved cards"),
    "wishlists": ("wish list", "wish lists"),
    "stock_alerts": ("stock alert", "stock alerts"),
    "baskets": ("basket", "baskets"),
    "activity": ("search or product viewed", "searches and products viewed"),
    "messages": ("e-mail or notification", "e-mails and notifications"),
    "security_records": ("sign-in record", "sign-in records"),
    "newsletter": ("newsletter subscription", "newsletter subscriptions"),
}


def labelled(counts: dict[str, int]) -> list[tuple[str, int, str]]:
    """(heading, count, "1 order" / "12 orders") per section, other apps' included."""
    rows = []
    for name, count in counts.items():
        plain = name.replace("_", " ")
        one, many = LABELS.get(name, (plain, plain))
        rows.append((many, count, f"{count} {one if count == 1 else many}"))
    return rows
