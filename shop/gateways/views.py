"""The test gateway's stand-in for a bank's 3-D Secure page.

Stripe shows the bank's page itself; the test gateway sends the shopper here
instead, to approve or fail the authentication, then on to the return page,
as a bank would. Only the test gateway's intents waiting for authentication
have this page; with any other gateway it does not exist.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from shop.gateways import base, get_gateway
from shop.gateways.models import TestIntent
from shop.gateways.testing import TestGateway


@require_http_methods(["GET", "POST"])
def authenticate(request, reference: str):
    gateway = get_gateway()
    if not isinstance(gateway, TestGateway):
        raise Http404("Only the test gateway has this page.")
    intent = TestIntent.objects.filter(reference=reference, status=base.REQUIRES_ACTION).first()
    if intent is None:
        raise Http404("No payment is waiting for authentication here.")
    if request.method == "POST":
        return_url = gateway.authenticate(
            reference, approved=request.POST.get("answer") == "approve"
        )
        return redirect(return_url)
    return TemplateResponse(request, "gateways/test_authenticate.html", {"intent": intent})
