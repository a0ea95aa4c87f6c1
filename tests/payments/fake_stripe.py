"""A local fake of the Stripe endpoints the store calls, and signed webhook events.

It answers the SDK (pointed at it through ``STRIPE_API_BASE``) like Stripe's
API: payment intents (create with an idempotency key, update, retrieve with
``expand[]``, cancel, list), refunds. Tests move an intent along with the
helpers (``succeed``, ``decline``...) as the browser and the bank would.
"""

import hashlib
import hmac
import itertools
import json
import re
import time
from dataclasses import dataclass, field

from werkzeug.wrappers import Request, Response

WEBHOOK_SECRET = "whsec_test_local"
SECRET_KEY = "sk_test_local"
PUBLISHABLE_KEY = "pk_test_local"
_ids = itertools.count(1)


def _error(status: int, message: str, kind: str = "invalid_request_error") -> Response:
    body = {"error": {"type": kind, "message": message}}
    return Response(json.dumps(body), status=status, content_type="application/json")


def _nested(form) -> dict:
    """Stripe's form encoding (metadata[order_number]=..., expand[0]=...) as dicts."""
    data: dict = {}
    for key, value in form.items(multi=True):
        parts = re.findall(r"[^\[\]]+", key)
        target = data
        for part in parts[:-1]:
            target = target.setdefault(part, {})
        target[parts[-1]] = value
    return data


@dataclass
class FakeStripe:
    intents: dict = field(default_factory=dict)
    refunds: list = field(default_factory=list)
    by_key: dict = field(default_factory=dict)
    calls: list = field(default_factory=list)
    fail_next: list = field(default_factory=list)  # (method, path prefix) to answer 500 once
    customers: dict = field(default_factory=dict)
    # Saved cards (payment method id -> what charging it does: "succeeds", "declines",
    # "authenticates"), as Stripe's test cards behave once attached to a customer.
    saved: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)  # Checkout Sessions in setup mode

    # --- what the browser and the bank do ---

    def succeed(
        self, reference: str, brand: str = "visa", last4: str = "4242", later: str = "succeeds"
    ) -> None:
        """The browser confirmed the card; a card saved for later (setup_future_usage)
        then does ``later`` when charged."""
        intent = self.intents[reference]
        intent["status"] = "succeeded"
        intent["payment_method"] = f"pm_{reference}"
        if intent.get("setup_future_usage"):
            self.saved[intent["payment_method"]] = (later, {"brand": brand, "last4": last4})
        intent["_card"] = {"brand": brand, "last4": last4}
        intent["last_payment_error"] = None
        intent["latest_charge"] = f"ch_{reference}"

    def decline(self, reference: str, message: str = "Your card was declined.") -> None:
        intent = self.intents[reference]
        intent["status"] = "requires_payment_method"
        intent["last_payment_error"] = {"message": message, "code": "card_declined"}

    def set_status(self, reference: str, status: str) -> None:
        self.intents[reference]["status"] = status

    def only_intent(self) -> dict:
        (intent,) = self.intents.values()
        return intent

    # --- the HTTP side ---

    def handler(self, request: Request) -> Response:
        params = _nested(request.form if request.method == "POST" else request.args)
        path = request.path.rstrip("/")
        self.calls.append((request.method, path, params, request.headers.get("Idempotency-Key")))
        if request.headers.get("Authorization") != f"Bearer {SECRET_KEY}":
            return _error(401, "Invalid API key provided.", "authentication_error")
        for method, prefix in list(self.fail_next):
            if request.method == method and path.startswith(prefix):
                self.fail_next.remove((method, prefix))
                return _error(500, "An error occurred with our connection to Stripe.", "api_error")
        key = request.headers.get("Idempotency-Key")
        if request.method == "POST" and key and key in self.by_key:
            asked, answer = self.by_key[key]
            if asked != (path, params):  # as Stripe does: one key, one request
                return _error(
                    400,
                    "Keys for idempotent requests can only be used with the "
                    "same parameters they were first used with.",
                    "idempotency_error",
                )
            return self._json(answer)
        answer = self._route(request.method, path, params)
        if isinstance(answer, Response):
            return answer
        if request.method == "POST" and key:
            self.by_key[key] = ((path, params), answer)
        return self._json(answer)

    def _route(self, method: str, path: str, params: dict):
        match = re.fullmatch(r"/v1/payment_intents(?:/([^/]+))?(?:/(cancel))?", path)
        if match:
            reference, action = match.groups()
            if reference is None:
                return self._create(params) if method == "POST" else self._list(params)
            if reference not in self.intents:
                return _error(404, f"No such payment_intent: '{reference}'")
            if action == "cancel":
                return self._cancel(reference)
            if method == "POST":
                return self._update(reference, params)
            return self._view(self.intents[reference], expand=params.get("expand", {}))
        if path == "/v1/refunds" and method == "POST":
            return self._refund(params)
        match = re.fullmatch(r"/v1/checkout/sessions(?:/([^/]+))?", path)
        if match:
            reference = match.group(1)
            if reference is None and method == "POST":
                return self._session(params)
            if reference not in self.sessions:
                return _error(404, f"No such checkout.session: '{reference}'")
            return self._session_view(self.sessions[reference], params.get("expand", {}))
        match = re.fullmatch(r"/v1/customers/([^/]+)", path)
        if match and method == "DELETE":
            if self.customers.pop(match.group(1), None) is None:
                return _error(404, f"No such customer: '{match.group(1)}'")
            return {"id": match.group(1), "object": "customer", "deleted": True}
        if path == "/v1/customers" and method == "POST":
            customer = {"id": f"cus_fake_{next(_ids)}", "object": "customer",
                        "email": params.get("email")}  # fmt: skip
            self.customers[customer["id"]] = customer
            return customer
        return _error(404, f"Unrecognized request URL ({method}: {path}).")

    def _create(self, params: dict) -> dict:
        reference = f"pi_fake_{next(_ids)}"
        self.intents[reference] = {
            "id": reference,
            "object": "payment_intent",
            "amount": int(params["amount"]),
            "currency": params["currency"],
            "status": "requires_payment_method",
            "client_secret": f"{reference}_secret_x",
            "metadata": params.get("metadata", {}),
            "payment_method_types": list(params.get("payment_method_types", {}).values()),
            "created": int(time.time()),
            "payment_method": None,
            "last_payment_error": None,
            "latest_charge": None,
            "amount_refunded": 0,
            "customer": params.get("customer"),
            "setup_future_usage": params.get("setup_future_usage"),
            "next_action": None,
        }
        if params.get("confirm") == "true":
            return self._charge_saved(self.intents[reference], params)
        return self._view(self.intents[reference])

    def _session(self, params: dict) -> dict:
        reference = f"cs_fake_{next(_ids)}"
        self.sessions[reference] = {
            "id": reference,
            "object": "checkout.session",
            "mode": params["mode"],
            "customer": params.get("customer"),
            "status": "open",
            "url": f"https://checkout.stripe.com/c/pay/{reference}",
            "success_url": params["success_url"],
            "setup_intent": None,
        }
        return self.sessions[reference]

    def complete_setup(self, reference: str, brand="mastercard", last4="4444", later="succeeds"):
        """The customer gave a card on Stripe's page; it is saved to their customer."""
        session = self.sessions[reference]
        method = f"pm_setup_{next(_ids)}"
        self.saved[method] = (later, {"brand": brand, "last4": last4})
        session.update(status="complete", setup_intent=f"seti_{reference}", _method=method)
        return session["success_url"].replace("{CHECKOUT_SESSION_ID}", reference)

    def _session_view(self, session: dict, expand: dict) -> dict:
        shown = {k: v for k, v in session.items() if not k.startswith("_")}
        if session.get("setup_intent") and "setup_intent.payment_method" in expand.values():
            later, card = self.saved[session["_method"]]
            shown["setup_intent"] = {
                "id": session["setup_intent"],
                "object": "setup_intent",
                "payment_method": {
                    "id": session["_method"],
                    "object": "payment_method",
                    "card": card,
                },  # fmt: skip
            }
        return shown

    def _charge_saved(self, intent: dict, params: dict):
        """Confirming at creation with a saved card, as a renewal (off_session) or with
        the customer present (return_url): Stripe's answers for its test cards."""
        method = params.get("payment_method", "")
        if method not in self.saved or params.get("customer") not in self.customers:
            return _error(400, f"No such PaymentMethod: '{method}'")
        later, card = self.saved[method]
        intent.update(payment_method=method, _card=card)
        if later == "succeeds":
            intent["status"], intent["latest_charge"] = "succeeded", f"ch_{intent['id']}"
            return self._view(intent)
        if later == "authenticates" and params.get("return_url"):
            intent["status"] = "requires_action"
            intent["next_action"] = {
                "type": "redirect_to_url",
                "redirect_to_url": {
                    "url": f"https://hooks.stripe.com/3ds/{intent['id']}",
                    "return_url": params["return_url"],
                },  # fmt: skip
            }
            return self._view(intent)
        code = "authentication_required" if later == "authenticates" else "card_declined"
        message = {
            "authentication_required": "Your card was declined. This transaction requires "
            "authentication.",
            "card_declined": "Your card was declined.",
        }[code]
        intent["last_payment_error"] = {"code": code, "message": message}
        body = {"error": {"type": "card_error", "code": code, "message": message,
                          "payment_intent": self._view(intent)}}  # fmt: skip
        return Response(json.dumps(body), status=402, content_type="application/json")

    def _update(self, reference: str, params: dict):
        intent = self.intents[reference]
        if intent["status"] not in ("requires_payment_method", "requires_confirmation"):
            return _error(400, f"This PaymentIntent's status is {intent['status']}.")
        if "amount" in params:
            intent["amount"] = int(params["amount"])
        intent["metadata"].update(params.get("metadata", {}))
        return self._view(intent)

    def _cancel(self, reference: str):
        intent = self.intents[reference]
        if intent["status"] in ("succeeded", "canceled", "processing"):
            return _error(400, f"You cannot cancel this PaymentIntent: it is {intent['status']}.")
        intent["status"] = "canceled"
        return self._view(intent)

    def _list(self, params: dict) -> dict:
        created = params.get("created", {})
        low, high = int(created.get("gte", 0)), int(created.get("lt", 2**40))
        rows = [self._view(i) for i in self.intents.values() if low <= i["created"] < high]
        return {"object": "list", "url": "/v1/payment_intents", "has_more": False, "data": rows}

    def _refund(self, params: dict):
        intent = self.intents.get(params.get("payment_intent", ""))
        if intent is None or intent["status"] != "succeeded":
            return _error(400, "This PaymentIntent has no charge to refund.")
        amount = int(params.get("amount", intent["amount"] - intent["amount_refunded"]))
        if intent["amount_refunded"] + amount > intent["amount"]:
            return _error(400, "Refund amount is greater than unrefunded amount on charge.")
        intent["amount_refunded"] += amount
        refund = {
            "id": f"re_fake_{next(_ids)}",
            "object": "refund",
            "amount": amount,
            "payment_intent": intent["id"],
            "status": "succeeded",
        }
        self.refunds.append(refund)
        return refund

    @staticmethod
    def _view(intent: dict, expand: dict | None = None) -> dict:
        shown = {k: v for k, v in intent.items() if not k.startswith("_")}
        if expand and "payment_method" in expand.values() and intent.get("_card"):
            shown["payment_method"] = {
                "id": intent["payment_method"],
                "object": "payment_method",
                "card": intent["_card"],
            }
        return shown

    @staticmethod
    def _json(body: dict) -> Response:
        return Response(json.dumps(body), status=200, content_type="application/json")

    # --- webhooks ---

    def charge(self, reference: str) -> dict:
        intent = self.intents[reference]
        return {
            "id": intent["latest_charge"] or f"ch_{reference}",
            "object": "charge",
            "payment_intent": reference,
            "amount": intent["amount"],
            "amount_refunded": intent["amount_refunded"],
        }

    def event(self, event_type: str, obj: dict, event_id: str | None = None) -> dict:
        return {
            "id": event_id or f"evt_fake_{next(_ids)}",
            "object": "event",
            "type": event_type,
            "api_version": "2026-10-28.endive",
            "created": int(time.time()),
            "data": {"object": obj},
        }

    def intent_event(self, event_type: str, reference: str, **kw) -> dict:
        return self.event(event_type, self._view(self.intents[reference]), **kw)


def signed(payload: str, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """A Stripe-Signature header for ``payload`` (Stripe's documented scheme)."""
    timestamp = at if at is not None else int(time.time())
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"
