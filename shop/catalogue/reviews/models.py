"""Reviews fork: a review records whether its writer bought the product (every review
written here does; reviews from before verification do not)."""

from django.db import models
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    verified_purchase = models.BooleanField(
        "Verified buyer",
        default=False,
        help_text="The writer had an order of this product that had arrived.",
    )


from oscar.apps.catalogue.reviews.models import *  # noqa: E402,F403
