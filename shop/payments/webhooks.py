"""The Stripe webhook: POST /payments/stripe/webhook/.

The signature is checked with the SDK (a forged or missing one is a 400);
a signed event without the fields its type needs is a 400 too; everything
else is acknowledged with 200 once acted on (``events.handle``), including
duplicates and types we do not use; 503 asks Stripe to send it again when
Stripe itself could not be read. No payload can cause a 500.
"""

import logging

from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from shop.gateways import get_gateway
from shop.gateways.stripe_gateway import StripeGateway, as_intent
from shop.payments import events

logger = logging.getLogger(__name__)

MAX_PAYLOAD_BYTES = 512 * 1024  # Stripe's events are a few kB


@csrf_exempt
@require_POST
@transaction.non_atomic_requests
def stripe_webhook(request):
    gateway = get_gateway()
    if not isinstance(gateway, StripeGateway):
        raise Http404("Stripe is not this store's payment gateway.")
    if len(request.body) > MAX_PAYLOAD_BYTES:
        return HttpResponseBadRequest("Payload too large.")
    try:
        event = gateway.parse_event(request.body, request.headers.get("Stripe-Signature", ""))
    except ValueError as error:  # bad signature, bad JSON, bad encoding
        logger.warning("Refused a webhook: %s", error)
        return HttpResponseBadRequest("Invalid payload or signature.")
    try:
        outcome = events.handle(event, as_intent=as_intent)
    except events.UnreadableEvent as error:
        logger.error("Unreadable webhook event: %s", error)
        return HttpResponseBadRequest("Unreadable event.")
    except events.ProviderUnavailable as error:
        logger.warning("Webhook event deferred: %s", error)
        return JsonResponse({"received": False, "retry": True}, status=503)
    return JsonResponse({"received": True, "outcome": outcome})
