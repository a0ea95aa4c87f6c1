"""Staff handling a request made by e-mail: find the person (customer or guest) and
see what is held, download their export, erase them with the address typed again
and a note, and the log of requests handled. E-mail addresses travel in POST
bodies only, never in URLs (which access logs and browser history keep)."""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views import generic
from django.views.decorators.http import require_POST

from shop.privacy import services
from shop.privacy.forms import FindPersonForm, StaffEraseForm, StaffExportForm
from shop.privacy.labels import labelled
from shop.privacy.models import PrivacyRequest, email_digest
from shop.privacy.responses import json_attachment

logger = logging.getLogger(__name__)
PERSON_TEMPLATE = "privacy/dashboard/person.html"


def person_page(request, person, *, erase_form=None, export_form=None, status=200):
    """What we hold about the person, earlier requests, and the export and erase forms
    (with their errors when one came back invalid)."""
    data = services.export_data(user=person.user, email=person.email)
    held = labelled(services.holdings(data))
    earlier = PrivacyRequest.objects.for_email(person.email).for_list()
    return TemplateResponse(
        request,
        PERSON_TEMPLATE,
        {
            "person": person,
            "held": held,
            "nothing_held": person.user is None and not any(count for _, count, _ in held),
            "earlier": earlier[:10],
            "export_form": export_form or StaffExportForm(initial={"email": person.email}),
            "erase_form": erase_form or StaffEraseForm(initial={"email": person.email}),
        },
        status=status,
    )


def index(request):
    """GET: the search form. POST: the person the e-mail leads to."""
    form = FindPersonForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        return person_page(request, services.find_person(form.cleaned_data["email"]))
    return TemplateResponse(
        request,
        "privacy/dashboard/index.html",
        {"form": form, "handled": PrivacyRequest.objects.count()},
        status=400 if form.is_bound else 200,
    )


@require_POST
def export(request):
    form = StaffExportForm(request.POST)
    if not form.is_valid():
        if "email" in form.errors:
            messages.error(request, "That e-mail address is not valid: find the person again.")
            return redirect("dashboard:privacy-index")
        person = services.find_person(form.cleaned_data["email"])
        return person_page(request, person, export_form=form, status=400)
    person = services.find_person(form.cleaned_data["email"])
    data = services.export_person(
        user=person.user, email=person.email, actor=request.user, note=form.cleaned_data["note"]
    )
    # The person's short code, not their e-mail, tells two downloads apart.
    return json_attachment(data, f"kepos-personal-data-{email_digest(person.email)[:10]}")


@require_POST
def erase(request):
    form = StaffEraseForm(request.POST)
    email = request.POST.get("email", "")
    if not FindPersonForm({"email": email}).is_valid():
        messages.error(request, "That e-mail address is not valid: find the person again.")
        return redirect("dashboard:privacy-index")
    person = services.find_person(email)
    if not form.is_valid():
        return person_page(request, person, erase_form=form, status=400)
    if person.accounts > 1:
        form.add_error(None, "Several accounts use this address; a developer must merge them.")
        return person_page(request, person, erase_form=form, status=400)
    try:
        summary = services.erase_person(
            user=person.user,
            email=person.email,
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except services.ErasureRefused as why:
        form.add_error(None, str(why))
        return person_page(request, person, erase_form=form, status=400)
    except Exception:  # a section failed: rolled back; say so rather than a 500
        logger.exception("Erasure failed (request by %s)", request.user.pk)
        form.add_error(None, "The erasure failed and nothing was changed: tell a developer.")
        return person_page(request, person, erase_form=form, status=503)
    messages.success(
        request,
        f"Erased. {summary.orders_kept} order(s) kept for the tax records without the "
        f"person's details; {sum(summary.counts.values()) - summary.orders_kept} other "
        "record(s) deleted or replaced.",
    )
    return redirect("dashboard:privacy-log")


class RequestLogView(generic.ListView):
    template_name = "privacy/dashboard/log.html"
    context_object_name = "privacy_requests"
    paginate_by = 50

    def get_queryset(self):
        return PrivacyRequest.objects.for_list()
