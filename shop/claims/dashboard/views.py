"""The claims review: what shoppers can read today that the claims check flags."""

from django.views import generic

from shop.claims import registry
from shop.claims.models import ClaimSignOff


class ClaimsReviewView(generic.TemplateView):
    template_name = "shop/dashboard/claims/review.html"

    def get_context_data(self, **kwargs):
        findings = registry.review()
        return super().get_context_data(
            findings=findings,
            flag_count=sum(len(finding.flags) for finding in findings),
            sign_offs=ClaimSignOff.objects.all()[:20],
            **kwargs,
        )
