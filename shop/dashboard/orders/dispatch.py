"""Dispatch tooling: the day's dispatch list, packing slips and the courier CSV.

The list is every paid or packed order whose promised dispatch date is today
or earlier (late ones first), from the dates the delivery rules set at
checkout.
"""

import csv
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.dateparse import parse_date
from django.views.generic import ListView, View
from oscar.core.loading import get_model

from shop.order import status
from shop.workdays.calendar import local_now

Order = get_model("order", "Order")

# The courier import format (documented in docs/operations.md).
CSV_COLUMNS = [
    "recipient",
    "address_line_1",
    "address_line_2",
    "address_line_3",
    "town",
    "county",
    "postcode",
    "country",
    "phone",
    "email",
    "weight_kg",
    "service",
    "reference",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def orders_to_dispatch(on: date):
    """Paid or packed orders due to leave on ``on`` or before, late ones first."""
    return (
        Order.objects.filter(status__in=[status.PAID, status.PACKED], dispatch_on__lte=on)
        .select_related("shipping_address", "user")
        .prefetch_related("lines")
        .order_by("dispatch_on", "number")
    )


class NotADate(ValueError):
    pass


def dispatch_date(request) -> date:
    """``?date=YYYY-MM-DD``, or today; NotADate for anything else (e.g. 2026-02-31)."""
    text = request.GET.get("date", "")
    if not text:
        return local_now().date()
    try:
        day = parse_date(text)
    except ValueError:  # well formed, but no such day
        day = None
    if day is None:
        raise NotADate(f"“{text[:40]}” is not a date: use the form 2026-12-24.")
    return day


def dispatch_date_or_today(request) -> date:
    """The requested day, or today with a message saying why (lists and slips)."""
    try:
        return dispatch_date(request)
    except NotADate as error:
        messages.error(request, f"{error} Showing today instead.")
        return local_now().date()


def safe_cell(value) -> str:
    """A spreadsheet cell that cannot run as a formula (a name like "=HYPERLINK(...)")."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def parcel_weight_kg(order) -> Decimal:
    per_item = Decimal(str(settings.SHOP_DEFAULT_ITEM_WEIGHT_KG))
    return sum((per_item * line.quantity for line in order.lines.all()), Decimal("0")).quantize(
        Decimal("0.001")
    )


def courier_row(order) -> list[str]:
    address = order.shipping_address
    values = [
        address.name,
        address.line1,
        address.line2,
        address.line3,
        address.line4,
        address.state,
        address.postcode,
        address.country_id,
        address.phone_number or "",
        order.customer_email,
        parcel_weight_kg(order),
        order.shipping_method,
        order.number,
    ]
    return [safe_cell(value) for value in values]


class DispatchListView(ListView):
    template_name = "shop/dashboard/orders/dispatch_list.html"
    context_object_name = "orders"

    def get_queryset(self):
        self.day = dispatch_date_or_today(self.request)
        return orders_to_dispatch(self.day)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["day"] = self.day
        return context


class PackingSlipsView(ListView):
    """Printable packing slips: the orders ticked on the dispatch list, or all of them."""

    template_name = "shop/dashboard/orders/packing_slips.html"
    context_object_name = "orders"

    def get_queryset(self):
        orders = orders_to_dispatch(dispatch_date_or_today(self.request))
        numbers = self.request.GET.getlist("number")
        if numbers:
            orders = (
                Order.objects.filter(number__in=numbers)
                .select_related("shipping_address", "user")
                .prefetch_related("lines")
                .order_by("number")
            )
        return orders


class DispatchCSVView(View):
    def get(self, request):
        try:
            day = dispatch_date(request)
        except NotADate as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="dispatch-{day:%Y-%m-%d}.csv"'
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for order in orders_to_dispatch(day):
            writer.writerow(courier_row(order))
        return response
