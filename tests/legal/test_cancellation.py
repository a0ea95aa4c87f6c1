"""The right to cancel: per product type, per order, online, and in Customer service's inbox."""

from datetime import timedelta
from decimal import Decimal as D

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.test.factories import UserFactory

from shop import roles
from shop.legal import cancellation
from shop.legal.models import CancellationRequest
from shop.order import status
from shop.outbox.models import OutboxEmail
from tests import checkout_steps as steps
from tests import factories
from tests.legal.helpers import catalogue, guest_order, set_status
from tests.pages import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    return catalogue()


def rights(order) -> dict[str, cancellation.LineRight]:
    return {right.line.title: right for right in cancellation.rights_for(order)}


def test_cancellation_before_dispatch_covers_every_item(client, shop):
    order = guest_order(client, [(shop["capsules"], 1), (shop["kefir"], 2), (shop["jar"], 1)])
    assert all(right.may_cancel for right in rights(order).values())


def test_cancellation_after_dispatch_follows_each_product_types_exception(client, shop):
    order = guest_order(client, [(shop["capsules"], 1), (shop["kefir"], 2), (shop["jar"], 1)])
    set_status(order, status.DISPATCHED, deliver_by=timezone.localdate())
    by_title = rights(order)
    assert not by_title["Goat's Milk Kefir 1 litre"].may_cancel  # perishable
    assert "perishable" in by_title["Goat's Milk Kefir 1 litre"].text
    assert by_title["kēpos 30-day"].may_cancel  # sealed: while unopened
    assert "seal is unbroken" in by_title["kēpos 30-day"].text
    assert by_title["Fermenting jar"].may_cancel


def test_cancellation_window_ends_fourteen_days_after_the_latest_delivery_date(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    delivered = timezone.localdate() - timedelta(days=15)
    set_status(order, status.DELIVERED, deliver_by=delivered)
    jar = rights(order)["Fermenting jar"]
    assert not jar.may_cancel
    assert "ended on" in jar.text
    set_status(order, status.DELIVERED, deliver_by=timezone.localdate() - timedelta(days=14))
    assert rights(order)["Fermenting jar"].may_cancel  # the 14th day still counts


def test_cancellation_of_the_whole_order_refunds_only_standard_delivery(client, shop):
    order = guest_order(client, [(shop["jar"], 1)], method="next-day")  # £14: Next Day is paid
    assert order.shipping_incl_tax > D("0")
    standard = cancellation.standard_delivery_charge(order)
    goods, delivery = cancellation.refund_for(order, list(order.lines.all()))
    assert goods == D("14.00")
    assert delivery == min(order.shipping_incl_tax, standard)
    assert delivery <= standard


def test_cancellation_of_part_of_an_order_refunds_no_delivery(client, shop):
    order = guest_order(client, [(shop["jar"], 1), (shop["capsules"], 1)])
    jar_line = order.lines.get(title="Fermenting jar")
    goods, delivery = cancellation.refund_for(order, [jar_line])
    assert (goods, delivery) == (D("14.00"), D("0.00"))


def test_cancellation_request_from_the_guest_order_page_lands_in_the_dashboard(client, shop):
    order = guest_order(client, [(shop["capsules"], 1), (shop["jar"], 1)])
    page = client.get(reverse("order-status:detail", kwargs={"number": order.number}))
    assert "Cancel items" in text_of(page)
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    lines = list(order.lines.values_list("pk", flat=True))
    response = client.post(url, {"lines": lines, "name": "Ada Lovelace", "reason": ""})
    assert response.status_code == 302
    request = CancellationRequest.objects.get(order=order)
    assert request.status == CancellationRequest.Status.RECEIVED
    assert set(request.lines.values_list("pk", flat=True)) == set(lines)
    assert request.email == "guest@example.com"
    assert request.refund_goods == D("53.99")

    staff = Client()
    factories.sign_in(staff, factories.staff_user(roles.CUSTOMER_SERVICE))
    inbox = staff.get(reverse("dashboard:cancellation-list"))
    assert order.number in text_of(inbox)
    detail = staff.get(reverse("dashboard:cancellation-detail", kwargs={"pk": request.pk}))
    assert "Ada Lovelace" in text_of(detail)


def test_cancellation_request_is_acknowledged_by_email(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    OutboxEmail.objects.all().delete()
    client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": [order.lines.get().pk], "name": "Ada"},
    )
    email = OutboxEmail.objects.get()
    assert email.to == "guest@example.com"
    assert order.number in email.subject
    assert "Fermenting jar x 1" in email.body_text
    assert "within 14 days" in email.body_text


def test_cancellation_of_opened_sealed_goods_needs_the_seal_confirmed(client, shop):
    order = guest_order(client, [(shop["capsules"], 1)])
    set_status(order, status.DISPATCHED, deliver_by=timezone.localdate())
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    line = order.lines.get().pk
    refused = client.post(url, {"lines": [line], "name": "Ada"})
    assert refused.status_code == 200
    assert "have not been opened" in text_of(refused)
    assert not CancellationRequest.objects.exists()
    accepted = client.post(url, {"lines": [line], "name": "Ada", "seals_unbroken": "on"})
    assert accepted.status_code == 302
    assert CancellationRequest.objects.get().seals_unbroken


def test_cancellation_of_dispatched_kefir_is_not_offered(client, shop):
    order = guest_order(client, [(shop["kefir"], 1), (shop["jar"], 1)])
    set_status(order, status.DISPATCHED, deliver_by=timezone.localdate())
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    kefir_line = order.lines.get(title__startswith="Goat").pk
    response = client.post(url, {"lines": [kefir_line], "name": "Ada"})
    assert response.status_code == 200
    assert "not one of the available choices" in text_of(response)
    assert not CancellationRequest.objects.exists()


def test_cancellation_without_any_item_ticked_says_so_and_keeps_the_text(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    response = client.post(url, {"name": "Ada", "reason": "Changed my mind"})
    assert "Tick at least one item to cancel." in text_of(response)
    assert "Changed my mind" in response.content.decode()
    assert not CancellationRequest.objects.exists()


def test_cancellation_page_is_404_for_someone_elses_order(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    stranger = Client()
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, {"lines": [order.lines.get().pk], "name": "x"}).status_code == 404
    assert not CancellationRequest.objects.exists()


def test_cancellation_button_shows_on_a_customers_order_page(client, shop):
    customer = UserFactory(email="ada@example.com")
    client.force_login(customer)
    steps.add_to_basket(client, shop["jar"])
    steps.give_address(client)
    steps.choose_method(client)
    assert steps.place_order(client).status_code == 302
    order = customer.orders.get()
    page = client.get(reverse("customer:order", kwargs={"order_number": order.number}))
    assert reverse("legal:cancel-order", kwargs={"number": order.number}) in page.content.decode()
    response = client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": [order.lines.get().pk], "name": "Ada"},
    )
    assert response["Location"] == reverse("customer:order", kwargs={"order_number": order.number})


def test_cancellation_is_recorded_by_customer_service_with_a_note(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": [order.lines.get().pk], "name": "Ada"},
    )
    request = CancellationRequest.objects.get()
    agent = factories.staff_user(roles.CUSTOMER_SERVICE)
    staff = factories.sign_in(Client(), agent)
    url = reverse("dashboard:cancellation-update", kwargs={"pk": request.pk})
    bad = staff.post(url, {"status": "nonsense", "staff_note": "x"})
    assert bad.status_code == 200
    request.refresh_from_db()
    assert request.status == CancellationRequest.Status.RECEIVED
    staff.post(url, {"status": "accepted", "staff_note": "Returns label sent <b>today</b>"})
    request.refresh_from_db()
    assert (request.status, request.handled_by) == ("accepted", agent)
    detail = staff.get(reverse("dashboard:cancellation-detail", kwargs={"pk": request.pk}))
    assert "Returns label sent &lt;b&gt;today&lt;/b&gt;" in detail.content.decode()


def test_cancellation_requests_are_closed_to_marketing(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": [order.lines.get().pk], "name": "Ada"},
    )
    marketer = factories.sign_in(Client(), factories.staff_user(roles.MARKETING))
    response = marketer.get(reverse("dashboard:cancellation-list"))
    assert response.status_code in (302, 403)


def test_cancellation_information_is_in_the_order_confirmation(client, shop):
    mail.outbox.clear()
    guest_order(client, [(shop["capsules"], 1), (shop["kefir"], 1)])
    confirmation = OutboxEmail.objects.filter(subject__icontains="order").earliest("pk")
    text = confirmation.body_text
    assert "Your right to cancel" in text
    assert "Food supplement: You may cancel within 14 days" in text
    assert "Milk kefir drink: Cannot be cancelled once dispatched" in text
    assert "/legal/cancellation-form/" in text
    assert "hereby give notice that I/We [*] cancel" in text  # the model form itself
    assert "You accepted our terms of sale, version 1" in text
    assert "Your right to cancel" in confirmation.body_html


def test_cancellation_model_form_page_names_the_trader(client):
    page = client.get(reverse("legal:model-cancellation-form"))
    text = text_of(page)
    assert "hereby give notice that I/We [*] cancel" in text
    assert "kēpos Ltd" in text and "hello@kepos.example" in text


def test_cancellation_rights_per_product_type_are_listed_on_the_returns_page(client, shop):
    page = client.get(reverse("legal:page", kwargs={"slug": "returns"}))
    text = text_of(page)
    assert "Milk kefir drink" in text and "Cannot be cancelled once dispatched" in text
    assert "Food supplement" in text and "while the seal is unbroken" in text
    assert "Kit or equipment" in text


def test_cancellation_inbox_query_count_does_not_grow(client, shop, queries_do_not_grow):
    order = guest_order(client, [(shop["jar"], 1), (shop["capsules"], 1)])
    staff = factories.sign_in(Client(), factories.staff_user(roles.CUSTOMER_SERVICE))

    def grow(size):
        while CancellationRequest.objects.count() < size:
            request = CancellationRequest.objects.create(
                order=order, name="Ada", email="a@example.com", refund_goods=1, refund_delivery=0
            )
            request.lines.set(order.lines.all())

    queries_do_not_grow(lambda: staff.get(reverse("dashboard:cancellation-list")), grow, ceiling=25)


def test_gdpr_export_and_erasure_cover_cancellation_requests(client, shop):
    from shop.privacy import services as privacy

    order = guest_order(client, [(shop["jar"], 1)])
    client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": [order.lines.get().pk], "name": "Ada Lovelace", "reason": "Too big"},
    )
    exported = privacy.export_data(email="guest@example.com")["data"]["cancellation_requests"]
    assert exported[0]["order"] == order.number and exported[0]["reason"] == "Too big"
    set_status(order, status.CANCELLED)  # an order still to be sent keeps its details

    privacy.erase_person(email="guest@example.com")

    request = CancellationRequest.objects.get()
    assert (request.name, request.email, request.reason) != (
        "Ada Lovelace",
        "guest@example.com",
        "Too big",
    )
    assert "guest@example.com" not in request.email and request.reason == ""
    assert request.refund_goods == D("14.00")  # the record of the refund owed stays


def cancel(client, order, titles, **data):
    lines = [line.pk for line in order.lines.all() if line.title in titles]
    return client.post(
        reverse("legal:cancel-order", kwargs={"number": order.number}),
        {"lines": lines, "name": "Ada", **data},
    )


def test_cancellation_of_lines_already_accepted_is_not_offered_again(client, shop):
    order = guest_order(client, [(shop["jar"], 1), (shop["capsules"], 1)])
    cancel(client, order, {"Fermenting jar"})
    CancellationRequest.objects.update(status=CancellationRequest.Status.ACCEPTED)
    again = cancel(client, order, {"Fermenting jar"})
    assert again.status_code == 200
    assert CancellationRequest.objects.count() == 1
    declined = CancellationRequest.objects.get()
    declined.status = CancellationRequest.Status.DECLINED
    declined.save()
    assert cancel(client, order, {"Fermenting jar"}).status_code == 302  # may ask again


def test_cancellation_split_over_two_requests_refunds_delivery_once(client, shop):
    order = guest_order(client, [(shop["jar"], 1), (shop["kefir"], 1)], method="standard")
    assert order.shipping_incl_tax == D("2.99")  # £21.99 of goods: under the free threshold
    cancel(client, order, {"Fermenting jar"})
    cancel(client, order, {"Goat's Milk Kefir 1 litre"})
    cancel(client, order, {"Fermenting jar"})  # a repeat is refused, refunding nothing
    first, last = CancellationRequest.objects.order_by("pk")
    assert (first.refund_goods, first.refund_delivery) == (D("14.00"), D("0.00"))
    assert (last.refund_goods, last.refund_delivery) == (D("7.99"), D("2.99"))


def test_cancellation_refunds_no_premium_delivery_when_standard_would_be_free(client, shop):
    order = guest_order(client, [(shop["capsules"], 1)], method="next-day")  # £39.99: free
    assert cancellation.standard_delivery_charge(order) == D("0.00")
    assert cancellation.refund_for(order, list(order.lines.all()))[1] == D("0.00")


def test_cancellation_window_runs_from_the_day_it_was_marked_delivered(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    promised = timezone.localdate() - timedelta(days=20)
    set_status(order, status.DISPATCHED, deliver_by=promised)
    assert rights(order)["Fermenting jar"].may_cancel  # still on its way: window open
    set_status(order, status.DELIVERED)
    order.status_changes.create(
        old_status=status.DISPATCHED,
        new_status=status.DELIVERED,
        date_created=timezone.now() - timedelta(days=5),
    )
    assert rights(order)["Fermenting jar"].may_cancel  # late parcel: 14 days from arrival


def test_cancellation_page_is_closed_to_the_erased_placeholder_address(client, shop):
    order = guest_order(client, [(shop["jar"], 1)])
    set_status(order, status.DELIVERED, guest_email="erased@erased.invalid")
    stranger = Client()
    found = stranger.post(
        reverse("order-status:lookup"), {"number": order.number, "email": "erased@erased.invalid"}
    )
    assert found.status_code == 200  # the form again: not found
    url = reverse("legal:cancel-order", kwargs={"number": order.number})
    assert stranger.get(url).status_code == 404
