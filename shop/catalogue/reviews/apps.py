import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    """Reviews fork: only customers whose order of the product has arrived review it,
    and their reviews are marked "Verified buyer"."""

    name = "shop.catalogue.reviews"
