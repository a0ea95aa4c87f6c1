"""A landing page as shoppers see it: every block's products, articles, reviews and
questions loaded in a fixed number of queries, however many blocks the page has. The
home page, when Marketing has published one, is drawn the same way (storefront.views)."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView
from oscar.core.loading import get_model

from blog.models import Article
from shop.catalogue.lines import product_lines
from shop.faq.answers import shown_entries
from shop.faq.models import FAQEntry
from shop.landing.models import Block, LandingPage

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")


# Each many-to-many a block may show, and the kinds that show it (Block.FIELDS_BY_KIND).
SHOWN_BY = {
    relation: {kind for kind, fields in Block.FIELDS_BY_KIND.items() if relation in fields}
    for relation in ("products", "articles", "faq_entries")
}


def _lookup(relation: str) -> Prefetch:
    """How to load ``relation`` for the blocks that show it."""
    if relation == "products":
        reviews = ProductReview.objects.approved().filter(verified_purchase=True)
        products = Product.objects.for_listing().prefetch_related(
            Prefetch("reviews", reviews.order_by("-date_created"), to_attr="verified_reviews_shown")
        )
        return Prefetch("products", products)
    if relation == "articles":
        return Prefetch("articles", Article.objects.published().for_listing())
    return Prefetch("faq_entries", FAQEntry.objects.filter(is_visible=True))


def with_blocks(pages):
    return pages.prefetch_related("blocks")


def page_context(request, page: LandingPage) -> dict:
    """The page's blocks, each with what its template shows. Only the relations the
    page's kinds show are loaded (a query or a few each, however many blocks use them)."""
    blocks = list(page.blocks.all())
    for relation, kinds in SHOWN_BY.items():
        users = [block for block in blocks if block.kind in kinds]
        if users:
            prefetch_related_objects(users, _lookup(relation))
    lines = None
    for block in blocks:
        if block.kind == Block.Kind.FAQ:
            block.shown_entries = shown_entries(list(block.faq_entries.all()), request)
        elif block.kind == Block.Kind.REVIEWS:
            block.reviews_shown = [
                review for product in block.products.all()
                for review in product.verified_reviews_shown
            ][:6]  # fmt: skip
        elif block.kind == Block.Kind.LINES:
            lines = product_lines() if lines is None else lines  # once, however many blocks
            block.product_lines = lines
    return {"page": page, "blocks": blocks}


class LandingPageView(DetailView):
    template_name = "landing/page.html"
    context_object_name = "page"
    preview = False

    def get_queryset(self):
        pages = LandingPage.objects.all() if self.preview else LandingPage.objects.visible()
        return with_blocks(pages)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.preview and self.object.is_home:
            home = LandingPage.objects.home()
            if home is not None and home.pk == self.object.pk:
                return redirect("home")  # one address for the home page
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.request, self.object))
        context["preview"] = self.preview
        return context


class LandingPagePreviewView(PermissionRequiredMixin, LandingPageView):
    """Any landing page, draft or scheduled, as it will look, for staff who edit them."""

    permission_required = "landing.view_landingpage"
    preview = True

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
