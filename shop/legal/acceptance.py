"""The terms a shopper accepts by placing an order, checked against what they were shown.

The review page names the current version of the terms of sale (and of the
subscription terms when the basket holds a subscription) and the signed review
token carries their ids. If a Manager publishes new wording in between, the
order is not placed on terms the shopper never saw: the review page is shown
again.
"""

from dataclasses import dataclass

from shop.legal import cancellation
from shop.legal.models import LegalPage

ORDER_FIELDS = ("terms_accepted", "subscription_terms_accepted")
CHANGED = (
    "Our terms were updated while you were checking out. Please read the new version "
    "(linked below) and place your order again."
)


@dataclass(frozen=True)
class ShownTerms:
    terms: object | None  # LegalPageVersion
    subscription_terms: object | None
    returns_page: object | None  # LegalPage, for the cancellation information link
    # (product type, the right to cancel it) for each type in the basket
    cancellation_notes: tuple[tuple[str, str], ...] = ()

    def ids(self) -> dict[str, str]:
        return {
            "terms_version": str(self.terms.pk) if self.terms else "",
            "subscription_terms_version": (
                str(self.subscription_terms.pk) if self.subscription_terms else ""
            ),
        }

    def order_fields(self) -> dict:
        return {
            "terms_accepted": self.terms,
            "subscription_terms_accepted": self.subscription_terms,
        }


def current(*, subscribing: bool, basket=None) -> ShownTerms:
    pages = {page.kind: page for page in LegalPage.objects.published()}
    terms = pages.get(LegalPage.Kind.TERMS)
    subscription = pages.get(LegalPage.Kind.SUBSCRIPTIONS) if subscribing else None
    return ShownTerms(
        terms=terms.current if terms else None,
        subscription_terms=subscription.current if subscription else None,
        returns_page=pages.get(LegalPage.Kind.RETURNS),
        cancellation_notes=(
            cancellation.rights_by_type(basket.all_lines()) if basket is not None else ()
        ),
    )


def matches(shown: ShownTerms, reviewed: dict) -> bool:
    """True if the review page showed the versions in force now."""
    return shown.ids() == reviewed
