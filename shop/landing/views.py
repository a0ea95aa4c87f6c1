"""A landing page as shoppers see it: every block's products, articles, reviews and
questions loaded in a fixed number of queries, however many blocks the page has."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView
from oscar.core.loading import get_model

from blog.models import Article
from shop.faq.answers import shown_entries
from shop.faq.models import FAQEntry
from shop.landing.models import Block, LandingPage

Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")


def blocks_for_page():
    reviews = (
        ProductReview.objects.approved().filter(verified_purchase=True).order_by("-date_created")
    )
    products = Product.objects.for_listing().prefetch_related(
        Prefetch("reviews", queryset=reviews, to_attr="verified_reviews_shown")
    )
    return Block.objects.prefetch_related(
        Prefetch("products", queryset=products),
        Prefetch("articles", queryset=Article.objects.published().for_listing()),
        Prefetch("faq_entries", queryset=FAQEntry.objects.filter(is_visible=True)),
    )


class LandingPageView(DetailView):
    template_name = "landing/page.html"
    context_object_name = "page"
    preview = False

    def get_queryset(self):
        pages = LandingPage.objects.all() if self.preview else LandingPage.objects.visible()
        return pages.prefetch_related(Prefetch("blocks", queryset=blocks_for_page()))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        blocks = list(self.object.blocks.all())
        for block in blocks:
            block.shown_entries = shown_entries(list(block.faq_entries.all()), self.request)
            block.reviews_shown = [
                review for product in block.products.all()
                for review in product.verified_reviews_shown
            ][:6]  # fmt: skip
        context["blocks"] = blocks
        context["preview"] = self.preview
        return context


class LandingPagePreviewView(PermissionRequiredMixin, LandingPageView):
    """Any landing page, draft or scheduled, as it will look, for staff who edit them."""

    permission_required = "landing.view_landingpage"
    preview = True

    def get_object(self, queryset=None):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])
