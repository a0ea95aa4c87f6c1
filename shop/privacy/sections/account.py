"""What a customer keeps in their account: addresses, baskets, reviews, wish lists,
stock alerts, what they searched for and viewed, and the e-mails and notifications
we sent them. Guests known by e-mail may have reviews, alerts and e-mails too."""

from oscar.core.loading import get_model

from shop.outbox.models import OutboxEmail
from shop.privacy.sections.common import address, of_person, when

UserAddress = get_model("address", "UserAddress")
Basket = get_model("basket", "Basket")
ProductReview = get_model("reviews", "ProductReview")
Vote = get_model("reviews", "Vote")
WishList = get_model("wishlists", "WishList")
ProductAlert = get_model("customer", "ProductAlert")
UserSearch = get_model("analytics", "UserSearch")
UserProductView = get_model("analytics", "UserProductView")
UserRecord = get_model("analytics", "UserRecord")
Email = get_model("communication", "Email")
Notification = get_model("communication", "Notification")


def _deleted(queryset) -> int:
    _, deleted = queryset.delete()
    return deleted.get(queryset.model._meta.label, 0)


# --- Address book -------------------------------------------------------------


def export_addresses(user, email: str) -> list[dict]:
    if user is None:
        return []
    return [
        {
            **address(item),
            "default_for_delivery": item.is_default_for_shipping,
            "default_for_billing": item.is_default_for_billing,
            "added": when(item.date_created),
        }
        for item in UserAddress.objects.filter(user=user).select_related("country")
    ]


def erase_addresses(user, email: str) -> int:
    return _deleted(UserAddress.objects.filter(user=user)) if user is not None else 0


# --- Baskets ------------------------------------------------------------------


def export_baskets(user, email: str) -> list[dict]:
    """Baskets not yet ordered (an ordered basket is the order)."""
    if user is None:
        return []
    baskets = (
        Basket.objects.filter(owner=user)
        .exclude(status=Basket.SUBMITTED)
        .prefetch_related("lines__product__parent")
    )
    return [
        {
            "status": basket.get_status_display(),
            "created": when(basket.date_created),
            "items": [
                {"product": line.product.get_title(), "quantity": line.quantity}
                for line in basket.lines.all()
            ],
        }
        for basket in baskets
    ]


def erase_baskets(user, email: str) -> int:
    """Every basket of theirs; an order keeps its own copy of what was bought."""
    return _deleted(Basket.objects.filter(owner=user)) if user is not None else 0


# --- Reviews ------------------------------------------------------------------


def _reviews(user, email: str):
    return ProductReview.objects.filter(of_person(user, email))


def export_reviews(user, email: str) -> list[dict]:
    return [
        {
            "product": review.product.get_title() if review.product_id else "",
            "score": review.score,
            "title": review.title,
            "text": review.body,
            "status": review.get_status_display(),
            "written": when(review.date_created),
        }
        for review in _reviews(user, email).select_related("product__parent")
    ]


def erase_reviews(user, email: str) -> int:
    """One by one: deleting a review recalculates its product's rating."""
    reviews = list(_reviews(user, email).select_related("product"))
    for review in reviews:
        review.delete()
    if user is not None:
        # Their votes on other people's reviews go, and those reviews' totals follow.
        voted = set(Vote.objects.filter(user=user).values_list("review", flat=True))
        Vote.objects.filter(user=user).delete()
        for review in ProductReview.objects.filter(pk__in=voted):
            review.update_totals()
    return len(reviews)


# --- Wish lists ---------------------------------------------------------------


def export_wishlists(user, email: str) -> list[dict]:
    """Lists and their products; not the addresses a list was shared with (other people's)."""
    if user is None:
        return []
    return [
        {
            "name": wishlist.name,
            "visibility": wishlist.get_visibility_display(),
            "created": when(wishlist.date_created),
            "items": [
                {"product": line.get_title(), "quantity": line.quantity}
                for line in wishlist.lines.all()
            ],
        }
        for wishlist in WishList.objects.filter(owner=user).prefetch_related("lines__product")
    ]


def erase_wishlists(user, email: str) -> int:
    return _deleted(WishList.objects.filter(owner=user)) if user is not None else 0


# --- Stock alerts -------------------------------------------------------------


def _alerts(user, email: str):
    return ProductAlert.objects.filter(of_person(user, email))


def export_alerts(user, email: str) -> list[dict]:
    return [
        {
            "product": alert.product.get_title(),
            "status": alert.get_status_display(),
            "created": when(alert.date_created),
            "confirmed": when(alert.date_confirmed),
            "cancelled": when(alert.date_cancelled),
            "closed": when(alert.date_closed),
        }
        for alert in _alerts(user, email).select_related("product__parent")
    ]


def erase_alerts(user, email: str) -> int:
    return _deleted(_alerts(user, email))


# --- Searches and products viewed ---------------------------------------------


def export_activity(user, email: str) -> dict:
    if user is None:
        return {"searches": [], "products_viewed": []}
    return {
        "searches": [
            {"searched_for": search.query, "at": when(search.date_created)}
            for search in UserSearch.objects.filter(user=user).order_by("-date_created")
        ],
        "products_viewed": [
            {"product": view.product.get_title(), "at": when(view.date_created)}
            for view in UserProductView.objects.filter(user=user)
            .select_related("product__parent")
            .order_by("-date_created")
        ],
    }


def erase_activity(user, email: str) -> int:
    if user is None:
        return 0
    UserRecord.objects.filter(user=user).delete()
    return _deleted(UserSearch.objects.filter(user=user)) + _deleted(
        UserProductView.objects.filter(user=user)
    )


# --- E-mails and notifications ------------------------------------------------


def export_messages(user, email: str) -> dict:
    """What we sent: e-mail subjects and dates (the contents repeat the orders) and
    account notifications."""
    emails = Email.objects.filter(of_person(user, email)).order_by("-date_sent")
    notifications = (
        Notification.objects.filter(recipient=user).order_by("-date_sent")
        if user is not None
        else Notification.objects.none()
    )
    return {
        "emails": [{"subject": mail.subject, "sent": when(mail.date_sent)} for mail in emails],
        "notifications": [
            {"subject": note.subject, "text": note.body, "sent": when(note.date_sent)}
            for note in notifications
        ],
    }


def erase_messages(user, email: str) -> int:
    """Copies of e-mails (Oscar's history, our outbox, sent or not) and notifications."""
    removed = _deleted(Email.objects.filter(of_person(user, email)))
    removed += _deleted(OutboxEmail.objects.filter(to__iexact=email))
    if user is not None:
        removed += _deleted(Notification.objects.filter(recipient=user))
    return removed
