"""The unticked newsletter box on "Review and pay": a sign-up with double opt-in, asked in
the order's transaction so its confirmation e-mail goes only if the order is written."""

import logging

from django.core.exceptions import ValidationError

from shop.newsletter.models import Source
from shop.newsletter.services import request_signup
from shop.newsletter.wording import CHECKOUT_SIGNUP

logger = logging.getLogger(__name__)

FIELD = "newsletter"


def sign_up_if_asked(post, *, order, user) -> None:
    if not post.get(FIELD):
        return  # unticked: the default, and no consent
    try:
        request_signup(
            email=order.customer_email,
            source=Source.CHECKOUT,
            wording=CHECKOUT_SIGNUP,
            user=user if getattr(user, "is_authenticated", False) else None,
        )
    except ValidationError:  # the checkout already checked the address; never fail an order
        logger.warning("Order #%s: newsletter sign-up refused the address", order.number)
