"""What the shopper saw on "Review and pay", carried by the "Place order" form.

A basket changed in another tab (or a different delivery method or address)
must not be charged from a review page that showed something else. The form
carries a signed token holding the basket, the visitor, the total shown and a
fingerprint of everything that makes up that total; placing the order checks
it against the submission built at that moment.
"""

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.core import signing

SALT = "shop.checkout.place-order"
MAX_AGE_SECONDS = 6 * 3600


@dataclass(frozen=True)
class Reviewed:
    basket_id: int
    visitor: str
    total: Decimal
    fingerprint: str
    terms: dict  # the legal versions shown (shop.legal.acceptance), accepted by paying


def fingerprint(submission: dict) -> str:
    """A digest of the lines, prices, delivery and total the submission would order."""
    basket = submission["basket"]
    total = submission.get("order_total")
    charge = submission.get("shipping_charge")
    method = submission.get("shipping_method")
    address = submission.get("shipping_address")
    parts = {
        "lines": [
            [
                line.pk,
                line.product_id,
                line.stockrecord_id,
                line.quantity,
                str(line.line_price_incl_tax_incl_discounts),
            ]
            for line in basket.all_lines()
        ],
        "vouchers": sorted(voucher.pk for voucher in basket.vouchers.all()),
        "method": getattr(method, "code", None),
        "delivery": str(charge.incl_tax) if charge is not None else None,
        "address": address.summary if address is not None else None,
        "postcode": getattr(address, "postcode", None),
        "total": str(total.incl_tax) if total is not None else None,
        "currency": getattr(total, "currency", None),
    }
    encoded = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def token_for(submission: dict, *, visitor: str, terms: dict | None = None) -> str:
    total = submission.get("order_total")
    return signing.dumps(
        {
            "basket": submission["basket"].pk,
            "visitor": visitor,
            "total": str(total.incl_tax) if total is not None else None,
            "fingerprint": fingerprint(submission),
            "terms": terms or {},
        },
        salt=SALT,
    )


def read_token(token: str) -> Reviewed | None:
    """The reviewed order a token describes; None if it is missing, forged or stale."""
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
        return Reviewed(
            basket_id=int(data["basket"]),
            visitor=str(data["visitor"]),
            total=Decimal(data["total"]) if data["total"] is not None else Decimal("0"),
            fingerprint=str(data["fingerprint"]),
            terms=dict(data.get("terms") or {}),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, ArithmeticError):
        return None
