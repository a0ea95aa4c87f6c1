"""What a landing page revision keeps (blog.revisions does the keeping and restoring):
the page's fields and every block with its products, articles and questions."""

from blog.revisions import Part, Spec, register
from shop.landing.models import Block, LandingPage, Revision

BLOCK_FIELDS = [
    *("position", "kind", "heading", "body", "items", "image", "image_alt"),
    *("button_label", "button_link"),
]

LANDING_PAGE = register(
    Spec(
        model=LandingPage,
        revision_model=Revision,
        owner="page",
        fields=["title", "slug", "seo_title", "seo_description", "status", "publish_at", "is_home"],
        parts={
            "blocks": Part(
                Block, "page", BLOCK_FIELDS, many=("products", "articles", "faq_entries")
            )
        },
    )
)
