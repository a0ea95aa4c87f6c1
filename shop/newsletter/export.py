"""Subscribers as CSV for Marketing's mailing tool, with the consent behind each row.

Every cell goes through the courier CSV's formula guard: an address or wording
that starts with "=" must not run as a formula when the file is opened in a
spreadsheet.
"""

import csv
from collections.abc import Iterable

from django.http import HttpResponse
from django.utils import timezone

from shop.dashboard.orders.dispatch import safe_cell
from shop.newsletter.models import ConsentRecord, Subscriber

HEADER = ["E-mail", "Status", "Source", "Consent given at", "Confirmed at", "Wording"]
CHUNK = 500


def _at(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def consent_behind(subscriber: Subscriber) -> ConsentRecord | None:
    """The sign-up request the current status rests on: for a confirmed subscriber,
    the one whose link they confirmed with; otherwise their latest request.
    Reads the prefetched records only."""
    records = list(subscriber.consent_records.all())
    requests = [r for r in records if r.action == ConsentRecord.Action.REQUESTED]
    if subscriber.is_confirmed:
        confirmations = [r for r in records if r.action == ConsentRecord.Action.CONFIRMED]
        if confirmations:
            by_pk = {r.pk: r for r in requests}
            found = by_pk.get(confirmations[-1].confirms_id)
            if found is not None:
                return found
    return requests[-1] if requests else None


def row(subscriber: Subscriber) -> list[str]:
    consent = consent_behind(subscriber)
    values = [
        subscriber.email,
        subscriber.get_status_display(),
        consent.get_source_display() if consent else subscriber.get_source_display(),
        _at(consent.at if consent else None),
        _at(subscriber.confirmed_at) if subscriber.is_confirmed else "",
        consent.wording if consent else "",
    ]
    return [safe_cell(value) for value in values]


def for_export(queryset) -> Iterable[Subscriber]:
    """``queryset`` with its consent records, read in chunks (constant queries per chunk)."""
    return queryset.prefetch_related("consent_records").order_by("email", "pk").iterator(CHUNK)


def csv_response(queryset, *, name: str = "subscribers") -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    response["Cache-Control"] = "no-store"  # personal data: no cache keeps a copy
    writer = csv.writer(response)
    writer.writerow(HEADER)
    for subscriber in for_export(queryset):
        writer.writerow(row(subscriber))
    return response
