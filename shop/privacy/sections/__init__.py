"""The privacy app's own sections of a person's data, registered like any other app's."""

from shop.privacy import registry


def register_all() -> None:
    from shop.privacy.sections import account, chats, orders, records, subscriptions

    registry.register("orders", export=orders.export, erase=orders.erase)
    registry.register("addresses", export=account.export_addresses, erase=account.erase_addresses)
    registry.register("reviews", export=account.export_reviews, erase=account.erase_reviews)
    registry.register("chats", export=chats.export, erase=chats.erase)
    registry.register("subscriptions", export=subscriptions.export, erase=subscriptions.erase)
    registry.register(
        "saved_cards", export=subscriptions.export_cards, erase=subscriptions.erase_cards
    )
    registry.register("wishlists", export=account.export_wishlists, erase=account.erase_wishlists)
    registry.register("stock_alerts", export=account.export_alerts, erase=account.erase_alerts)
    registry.register("baskets", export=account.export_baskets, erase=account.erase_baskets)
    registry.register("activity", export=account.export_activity, erase=account.erase_activity)
    registry.register(
        "messages",
        export=account.export_messages,
        erase=account.erase_messages,
        account_email_ok=True,
    )
    registry.register(
        "security_records",
        export=records.export_sign_ins,
        erase=records.erase_sign_ins,
        account_email_ok=True,
    )
