"""Test-only URLs: a view that fails half-way through its writes."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.http import HttpResponse
from django.urls import path


def write_then_fail(request):
    get_user_model().objects.create(username="half-saved")
    raise RuntimeError("boom after the first write")


def in_transaction(request):
    return HttpResponse("yes" if connection.in_atomic_block else "no")


urlpatterns = [
    path("write-then-fail/", write_then_fail),
    path("in-transaction/", in_transaction),
]
