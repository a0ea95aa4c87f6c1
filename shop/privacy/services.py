"""The two rights as workflows: a copy of everything held about a person (export) and
forgetting them (erasure), each recorded without the e-mail in clear. The data
itself is in the registered sections (shop.privacy.registry)."""

import json
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from oscar.core.loading import get_model

from shop.audit.recorder import acting
from shop.order import status as order_status
from shop.privacy.models import PrivacyRequest, email_digest
from shop.privacy.registry import Section, sections
from shop.privacy.sections.common import of_person, when

User = get_user_model()
Order = get_model("order", "Order")
# Orders whose parcel has not left: erasing would lose the address it goes to.
OPEN_STATUSES = (order_status.PENDING_PAYMENT, order_status.PAID, order_status.PACKED)

# Erased after every other section: the others may still find rows by the orders'
# e-mail, which erasing the orders replaces.
ERASE_LAST = ("orders",)


class ErasureRefused(Exception):
    """Nothing was erased; the message says why, for whoever asked."""


@dataclass(frozen=True)
class Person:
    """Whoever an e-mail address leads to: a customer account, or a guest."""

    email: str
    user: AbstractBaseUser | None = None  # the account, None for a guest
    accounts: int = 0  # accounts using the address (more than one blocks erasure)

    @property
    def is_staff(self) -> bool:
        return self.user is not None and (self.user.is_staff or self.user.is_superuser)

    @property
    def subject(self) -> str:
        return PrivacyRequest.Subject.CUSTOMER if self.user else PrivacyRequest.Subject.GUEST


@dataclass(frozen=True)
class ErasureSummary:
    request: PrivacyRequest
    counts: dict[str, int] = field(default_factory=dict)
    account_deleted: bool = False

    @property
    def orders_kept(self) -> int:
        return self.counts.get("orders", 0)


def normalise(email: str) -> str:
    return email.strip()


def find_person(email: str) -> Person:
    email = normalise(email)
    accounts = list(User.objects.filter(email__iexact=email).order_by("pk")[:2])
    return Person(email=email, user=accounts[0] if accounts else None, accounts=len(accounts))


def _handler(actor: AbstractBaseUser | None) -> dict:
    if actor is None:
        return {"handled_by": None, "handled_by_label": ""}
    return {"handled_by": actor, "handled_by_label": actor.email or actor.get_username()}


def _record(
    kind: str, *, subject: str, email: str, actor: AbstractBaseUser | None, note: str, counts: dict
) -> PrivacyRequest:
    return PrivacyRequest.objects.create(
        kind=kind,
        subject=subject,
        email_digest=email_digest(email),
        note=note.strip()[:1000],
        counts=counts,
        **_handler(actor),
    )


def _profile(user: AbstractBaseUser | None) -> dict | None:
    if user is None:
        return None
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "joined": when(user.date_joined),
        "last_signed_in": when(user.last_login),
    }


def export_data(
    *, user: AbstractBaseUser | None = None, email: str, account_only: bool = False
) -> dict:
    """Everything held about the person, section by section (JSON-ready).

    ``account_only``: only what is linked to ``user``, not what merely carries the same
    e-mail. Accounts are opened without proving the address is theirs, so a customer
    serving themselves must not reach a guest's orders or chats by registering with
    that guest's e-mail; staff, who check who is asking, match by e-mail as well.
    """
    email = normalise(email)
    return {
        "about": "A copy of the personal data kēpos holds about you (UK GDPR, article 15).",
        "generated_at": when(timezone.now()),
        "email": email,
        "profile": _profile(user),
        "data": {
            section.name: section.export(user, _match(section, user, email, account_only))
            for section in sections()
        },
    }


def count(value: Any) -> int:
    """How many things a section's export holds: its rows, or its lists' rows."""
    if value is None:
        return 0
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        lists = [item for item in value.values() if isinstance(item, list)]
        return sum(len(item) for item in lists) if lists else 1
    return 1


def holdings(data: dict) -> dict[str, int]:
    """Per section, how much an export holds (what staff and the customer are shown)."""
    return {name: count(value) for name, value in data["data"].items()}


def export_person(
    *,
    user: AbstractBaseUser | None = None,
    email: str,
    actor: AbstractBaseUser | None = None,
    note: str = "",
    account_only: bool = False,
) -> dict:
    """The export, recorded as a handled request."""
    data = export_data(user=user, email=email, account_only=account_only)
    _record(
        PrivacyRequest.Kind.EXPORT,
        subject=Person(email=email, user=user).subject,
        email=email,
        actor=actor,
        note=note,
        counts=holdings(data),
    )
    return data


def as_json(data: dict) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode()


def _in_erasure_order(found: list[Section]) -> list[Section]:
    return sorted(found, key=lambda section: section.name in ERASE_LAST)


def _check(user: AbstractBaseUser | None, email: str) -> None:
    if user is None:
        if User.objects.filter(email__iexact=email).exists():
            raise ErasureRefused(
                "A customer account uses this e-mail address: erase the account instead."
            )
        return
    if user.is_staff or user.is_superuser:
        raise ErasureRefused(
            "This is a staff account. Staff accounts are not erased here: a Manager "
            "removes the staff role first."
        )
    if (user.email or "").strip().lower() != email.lower():
        raise ErasureRefused("The e-mail address is not this account's.")


def _match(section: Section, user, email: str, account_only: bool) -> str:
    """The e-mail a section may match rows by ("" for rows linked to the account only)."""
    if account_only and user is not None and not section.account_email_ok:
        return ""
    return email


def _refuse_while_orders_are_open(user: AbstractBaseUser | None, email: str) -> None:
    """An order not yet sent needs its delivery address and phone (UK GDPR art. 17(3)(b):
    data needed to perform the contract is kept until it is performed)."""
    open_orders = Order.objects.filter(status__in=OPEN_STATUSES).filter(
        of_person(user, email, email_field="guest_email")
    )
    numbers = list(open_orders.order_by("pk").values_list("number", flat=True)[:3])
    if numbers:
        raise ErasureRefused(
            f"Order {', '.join(numbers)} has not been sent yet, and we need its address to "
            "deliver it. Please try again once it has been dispatched (or cancel it first)."
        )


def erase_person(
    *,
    user: AbstractBaseUser | None = None,
    email: str,
    actor: AbstractBaseUser | None = None,
    note: str = "",
    account_only: bool = False,
) -> ErasureSummary:
    """Forget a customer (with ``user``) or a guest known only by ``email``, all or
    nothing: orders stay for the tax records with the person replaced on them, the
    rest of their data is deleted, then the account itself. ``account_only`` as for
    ``export_data``: a customer deleting their own account erases what is theirs."""
    email = normalise(email)
    if not email:
        raise ErasureRefused("An e-mail address is needed.")
    _check(user, email)
    _refuse_while_orders_are_open(user, "" if account_only and user is not None else email)
    subject = Person(email=email, user=user).subject
    counts: dict[str, int] = {}
    try:
        # acting(None): the audit trail must not copy the values being erased.
        with transaction.atomic(), acting(None):
            if user is not None:
                user = User.objects.select_for_update().get(pk=user.pk)
            for section in _in_erasure_order(sections()):
                match = _match(section, user, email, account_only)
                counts[section.name] = section.erase(user, match)
            if user is not None:
                user.delete()
                counts["account"] = 1
            request = _record(
                PrivacyRequest.Kind.ERASURE,
                subject=subject,
                email=email,
                actor=actor,
                note=note,
                counts=counts,
            )
    except (ProtectedError, RestrictedError) as error:
        found = getattr(error, "protected_objects", None) or error.restricted_objects
        blocking = sorted({str(obj._meta.verbose_name) for obj in found})
        raise ErasureRefused(
            "Nothing was erased: records that cannot be deleted still point to this "
            f"person ({', '.join(blocking)}). Tell a developer."
        ) from error
    return ErasureSummary(request=request, counts=counts, account_deleted=user is not None)
